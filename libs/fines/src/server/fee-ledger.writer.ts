import { Prisma } from '@prisma/client';
import type { UnitOfWork } from '@ulms/platform';
import type { Decimal } from 'decimal.js';
import type { FeeAction, FeeStatus } from '../contracts/fee.schema.js';
import { eventOfAction } from '../contracts/fines-events.js';
import type { FeeRow } from './fee.rows.js';
import { money } from './money.js';

export interface LedgerDetails {
  readonly reason?: string | null;
  readonly comment?: string | null;
  readonly method?: string | null;
  readonly externalTransactionId?: string | null;
}

/**
 * Applies one action to a locked fee: its new balances and status, the ledger row that records it, and the
 * action's event, delivered after the commit.
 */
export async function recordAction(
  { tx, raise }: UnitOfWork,
  institutionId: string,
  fee: FeeRow,
  change: {
    readonly action: FeeAction;
    readonly actor: string;
    readonly amount: Decimal;
    readonly vatAmount: Decimal;
    readonly remainingBalance: Decimal;
    readonly remainingVat: Decimal;
    readonly status: FeeStatus;
    /** Set on a transfer to the bursar. */
    readonly bursarTransactionId?: string | null;
  } & LedgerDetails,
): Promise<FeeRow> {
  const now = new Date();
  const updated = await tx.fee.update({
    where: { id: fee.id },
    data: {
      remainingBalance: change.remainingBalance.toFixed(2),
      remainingVat: change.remainingVat.toFixed(2),
      status: change.status,
      ...(change.status !== fee.status ? { statusDate: now } : {}),
      ...(change.bursarTransactionId !== undefined ? { bursarTransactionId: change.bursarTransactionId } : {}),
      version: { increment: 1 },
    },
  });
  await tx.feeLedgerEntry.create({
    data: {
      feeId: fee.id,
      action: change.action,
      amount: change.amount.toFixed(2),
      vatAmount: change.vatAmount.toFixed(2),
      reason: change.reason ?? null,
      comment: change.comment ?? null,
      method: change.method ?? null,
      externalTransactionId: change.externalTransactionId ?? null,
      createdBy: change.actor,
      createdAt: now,
    },
  });
  raise(eventOfAction[change.action], {
    institutionId,
    userId: fee.userId,
    feeId: fee.id,
    actor: change.actor,
    amount: money(change.amount),
  });
  return updated;
}

/**
 * Settles each locked fee in full at once (Waive selected, Waive All, Pay all): one ledger insert and one update
 * for all of them, whatever their number, and each fee's event after the commit. The caller has checked that every
 * fee is open and owed.
 */
export async function recordFullSettlements(
  { tx, raise }: UnitOfWork,
  institutionId: string,
  fees: readonly FeeRow[],
  action: 'PAY' | 'WAIVE',
  actor: string,
  details: LedgerDetails,
): Promise<FeeRow[]> {
  if (fees.length === 0) return [];
  const now = new Date();
  const ids = fees.map((f) => f.id);
  // The ledger rows come from the fees' own balances in one statement (Prisma's createMany of a thousand rows took
  // most of a Waive All's time).
  await tx.$executeRaw`
    INSERT INTO "FeeLedgerEntry" ("id", "feeId", "action", "amount", "vatAmount", "reason", "comment", "method",
      "externalTransactionId", "createdBy", "createdAt")
    SELECT gen_random_uuid(), f."id", ${action}, f."remainingBalance", f."remainingVat", ${details.reason ?? null},
      ${details.comment ?? null}, ${details.method ?? null}, ${details.externalTransactionId ?? null}, ${actor}, ${now}
    FROM "Fee" f WHERE f."id" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;
  await tx.fee.updateMany({
    where: { id: { in: ids } },
    data: { remainingBalance: 0, remainingVat: 0, status: 'CLOSED', statusDate: now, version: { increment: 1 } },
  });
  for (const fee of fees) {
    raise(eventOfAction[action], {
      institutionId,
      userId: fee.userId,
      feeId: fee.id,
      actor,
      amount: money(fee.remainingBalance),
    });
  }
  // What the update wrote, without reading a thousand rows back.
  const zero = new Prisma.Decimal(0);
  return fees.map((fee) => ({
    ...fee,
    remainingBalance: zero,
    remainingVat: zero,
    status: 'CLOSED',
    statusDate: now,
    version: fee.version + 1,
  }));
}
