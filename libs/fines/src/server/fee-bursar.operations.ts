import { ConflictError, parseInput, ValidationError } from '@ulms/platform';
import { Decimal } from 'decimal.js';
import { type FeeDto, type FeeStatus, refundFeeInput, transferFeeInput } from '../contracts/fee.schema.js';
import type { FeeActor } from './fee-actor.js';
import { feeDto } from './fee-dto.js';
import { recordAction } from './fee-ledger.writer.js';
import type { FeeOperationsDeps } from './fee-operations.deps.js';
import { refundableIn } from './fee-refundable.js';
import { lockFee, remainingOf, remainingVatOf } from './fee.rows.js';
import { checkPaymentMethod, commentOf } from './fines-config.rules.js';
import { parseAmount } from './money.js';

/** Transfer to the bursar, and refunds of what was paid. */
export function createFeeBursarOperations(deps: FeeOperationsDeps) {
  return {
    /** Marks an active fee exported to the bursar: its balance moves to the transferred balance. */
    async transfer(by: FeeActor, raw: unknown): Promise<FeeDto> {
      const input = parseInput(transferFeeInput, raw);
      const row = await deps.transactions.run(async (uow) => {
        const fee = await lockFee(uow.tx, by.institution.id, input.id);
        if (fee.status !== 'ACTIVE')
          throw new ConflictError(`only an active fee can be transferred to the bursar (this one is ${fee.status})`);
        if (remainingOf(fee).lessThanOrEqualTo(0))
          throw new ConflictError('only a fee with a balance due can be transferred to the bursar');
        return recordAction(uow, by.institution.id, fee, {
          action: 'TRANSFER',
          actor: by.actor,
          amount: remainingOf(fee),
          vatAmount: remainingVatOf(fee),
          remainingBalance: remainingOf(fee),
          remainingVat: remainingVatOf(fee),
          status: 'EXPORTED',
          bursarTransactionId: input.bursarTransactionId?.trim() || null,
          comment: commentOf(input.comment),
        });
      });
      return feeDto(deps, by, row);
    },

    /** Gives back up to what was paid and not yet refunded; the fee's balance and status stay as they are. */
    async refund(by: FeeActor, raw: unknown): Promise<FeeDto> {
      const input = parseInput(refundFeeInput, raw);
      const config = await deps.config.for(by.institution.id);
      const row = await deps.transactions.run(async (uow) => {
        const fee = await lockFee(uow.tx, by.institution.id, input.id);
        const amount = parseAmount('amount', input.amount);
        checkPaymentMethod(config, input.method);
        if (amount.lessThanOrEqualTo(0)) throw ValidationError.of('amount', 'must be more than 0');
        const refundable = refundableIn(
          await uow.tx.feeLedgerEntry.findMany({
            where: { feeId: fee.id, action: { in: ['PAY', 'REFUND'] } },
            select: { action: true, amount: true },
          }),
        );
        if (amount.greaterThan(refundable))
          throw ValidationError.of(
            'amount',
            `must not be more than what was paid and not refunded (${refundable.toFixed(2)})`,
          );
        return recordAction(uow, by.institution.id, fee, {
          action: 'REFUND',
          actor: by.actor,
          amount,
          vatAmount: new Decimal(0),
          remainingBalance: remainingOf(fee),
          remainingVat: remainingVatOf(fee),
          status: fee.status as FeeStatus,
          method: input.method,
          externalTransactionId: input.externalTransactionId?.trim() || null,
          comment: commentOf(input.comment),
        });
      });
      return feeDto(deps, by, row);
    },
  };
}
