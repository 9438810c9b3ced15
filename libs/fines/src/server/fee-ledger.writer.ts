import type { Prisma } from '@prisma/client';
import type { Decimal } from 'decimal.js';
import type { FeeAction, FeeStatus } from '../contracts/fee.schema.js';
import type { FeeRow } from './fee.rows.js';

export interface LedgerDetails {
  readonly reason?: string | null;
  readonly comment?: string | null;
  readonly method?: string | null;
  readonly externalTransactionId?: string | null;
}

/** Applies one action to a locked fee: its new balances and status, and the ledger row that records it. */
export async function recordAction(
  tx: Prisma.TransactionClient,
  fee: FeeRow,
  change: {
    readonly action: FeeAction;
    readonly actor: string;
    readonly amount: Decimal;
    readonly vatAmount: Decimal;
    readonly remainingBalance: Decimal;
    readonly remainingVat: Decimal;
    readonly status: FeeStatus;
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
  return updated;
}
