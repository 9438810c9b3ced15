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
