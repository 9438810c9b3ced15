import { ConflictError, type UnitOfWork, ValidationError } from '@ulms/platform';
import type { Decimal } from 'decimal.js';
import type { FeeStatus } from '../contracts/fee.schema.js';
import type { FinesConfig } from '../contracts/fines-config.schema.js';
import { type FeeRow, remainingOf, remainingVatOf } from './fee.rows.js';
import { type LedgerDetails, recordAction } from './fee-ledger.writer.js';
import { checkOpen } from './fee-state.rules.js';
import { toCents } from './money.js';

/**
 * Pays or waives `amount` (already rounded to cents) of a locked fee: never more than its remaining balance, the
 * VAT part in proportion (all of what is left when the fee is settled in full); a fee settled in full closes.
 * The ledger writer raises the action's event.
 */
export async function settle(
  uow: UnitOfWork,
  institutionId: string,
  fee: FeeRow,
  config: FinesConfig,
  action: 'PAY' | 'WAIVE',
  actor: string,
  amount: Decimal,
  details: LedgerDetails,
): Promise<FeeRow> {
  checkOpen(fee, config);
  const remaining = remainingOf(fee);
  const remainingVat = remainingVatOf(fee);
  if (remaining.lessThanOrEqualTo(0)) throw new ConflictError('a credit cannot be paid or waived');
  if (amount.lessThanOrEqualTo(0)) throw ValidationError.of('amount', 'must be more than 0');
  if (amount.greaterThan(remaining))
    throw ValidationError.of('amount', `must not be more than the remaining balance (${remaining.toFixed(2)})`);
  const full = amount.equals(remaining);
  const vatAmount = full ? remainingVat : toCents(amount.times(remainingVat).dividedBy(remaining));
  const left = remaining.minus(amount);
  return recordAction(uow, institutionId, fee, {
    action,
    actor,
    amount,
    vatAmount,
    remainingBalance: left,
    remainingVat: remainingVat.minus(vatAmount),
    status: full ? 'CLOSED' : (fee.status as FeeStatus),
    ...details,
  });
}
