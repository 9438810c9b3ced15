import { parseInput } from '@ulms/platform';
import { Decimal } from 'decimal.js';
import { type FeeDto, payAllInput, payFeeInput } from '../contracts/fee.schema.js';
import type { FeeActor } from './fee-actor.js';
import { feeDto, feeDtos } from './fee-dto.js';
import type { FeeOperationsDeps } from './fee-operations.deps.js';
import { lockFee, lockFeesOfUser, remainingOf } from './fee.rows.js';
import { recordFullSettlements } from './fee-ledger.writer.js';
import { settle } from './fee-settlement.js';
import { settleableStatuses } from './fee-state.rules.js';
import { checkPaymentMethod, commentOf } from './fines-config.rules.js';
import { money, parseAmount } from './money.js';

const paymentDetails = (input: { method: string; externalTransactionId?: string | null; comment?: string }) => ({
  method: input.method,
  externalTransactionId: input.externalTransactionId?.trim() || null,
  comment: commentOf(input.comment),
});

/** Payments: of part or all of one fee, and of everything a user owes. */
export function createFeePaymentOperations(deps: FeeOperationsDeps) {
  return {
    /** Pays up to the remaining balance of one fee; paid in full, it closes. */
    async pay(by: FeeActor, raw: unknown): Promise<FeeDto> {
      const input = parseInput(payFeeInput, raw);
      const config = await deps.config.for(by.institution.id);
      const row = await deps.transactions.run(async (uow) => {
        const fee = await lockFee(uow.tx, by.institution.id, input.id);
        const amount = parseAmount('amount', input.amount);
        checkPaymentMethod(config, input.method);
        return settle(uow, by.institution.id, fee, config, 'PAY', by.actor, amount, paymentDetails(input));
      });
      return feeDto(deps, by, row);
    },

    /** "Pay all": pays the whole remaining balance of every fee of the user that can be paid. */
    async payAll(by: FeeActor, raw: unknown): Promise<{ fees: FeeDto[]; total: string; currency: string }> {
      const input = parseInput(payAllInput, raw);
      await deps.users.requireExisting(by.institution.id, input.userId);
      const config = await deps.config.for(by.institution.id);
      checkPaymentMethod(config, input.method);
      const rows = await deps.transactions.run(async (uow) => {
        const fees = await lockFeesOfUser(uow.tx, by.institution.id, input.userId, {
          statuses: settleableStatuses(config),
        });
        const owed = fees.filter((f) => remainingOf(f).greaterThan(0));
        const paid = await recordFullSettlements(uow, by.institution.id, owed, 'PAY', by.actor, paymentDetails(input));
        return { paid, fees: owed };
      });
      const total = rows.fees.reduce((sum, f) => sum.plus(remainingOf(f)), new Decimal(0));
      return {
        fees: await feeDtos(deps, by, rows.paid),
        total: money(total),
        currency: by.institution.defaultCurrency,
      };
    },
  };
}
