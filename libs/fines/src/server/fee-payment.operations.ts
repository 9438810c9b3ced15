import { parseInput } from '@ulms/platform';
import { Decimal } from 'decimal.js';
import { type FeeDto, payAllInput, payFeeInput } from '../contracts/fee.schema.js';
import { finesEvents } from '../contracts/fines-events.js';
import type { FeeActor } from './fee-actor.js';
import { feeDto, feeDtos } from './fee-dto.js';
import type { FeeOperationsDeps } from './fee-operations.deps.js';
import { lockFee, lockFeesOfUser } from './fee.rows.js';
import { settle } from './fee-settlement.js';
import { settleableStatuses } from './fee-state.rules.js';
import { checkPaymentMethod, commentOf } from './fines-config.rules.js';
import { money, parseAmount } from './money.js';

/** Payments: of part or all of one fee, and of everything a user owes. */
export function createFeePaymentOperations(deps: FeeOperationsDeps) {
  return {
    /** Pays up to the remaining balance of one fee; paid in full, it closes. */
    async pay(by: FeeActor, raw: unknown): Promise<FeeDto> {
      const input = parseInput(payFeeInput, raw);
      const config = await deps.config.for(by.institution.id);
      const row = await deps.transactions.run(async ({ tx, raise }) => {
        const fee = await lockFee(tx, by.institution.id, input.id);
        const amount = parseAmount('amount', input.amount);
        checkPaymentMethod(config, input.method);
        const paid = await settle(tx, fee, config, 'PAY', by.actor, amount, {
          method: input.method,
          externalTransactionId: input.externalTransactionId?.trim() || null,
          comment: commentOf(input.comment),
        });
        raise(finesEvents.feePaid, {
          institutionId: by.institution.id,
          userId: fee.userId,
          feeId: fee.id,
          actor: by.actor,
          amount: money(amount),
        });
        return paid;
      });
      return feeDto(deps, by, row);
    },

    /** "Pay all": pays the whole remaining balance of every fee of the user that can be paid. */
    async payAll(by: FeeActor, raw: unknown): Promise<{ fees: FeeDto[]; total: string; currency: string }> {
      const input = parseInput(payAllInput, raw);
      await deps.users.get(by.institution.id, input.userId);
      const config = await deps.config.for(by.institution.id);
      checkPaymentMethod(config, input.method);
      const rows = await deps.transactions.run(async ({ tx, raise }) => {
        const fees = await lockFeesOfUser(tx, by.institution.id, input.userId, {
          statuses: settleableStatuses(config),
        });
        const paid = [];
        for (const fee of fees.filter((f) => new Decimal(f.remainingBalance.toString()).greaterThan(0))) {
          const amount = new Decimal(fee.remainingBalance.toString());
          paid.push(
            await settle(tx, fee, config, 'PAY', by.actor, amount, {
              method: input.method,
              externalTransactionId: input.externalTransactionId?.trim() || null,
              comment: commentOf(input.comment),
            }),
          );
          raise(finesEvents.feePaid, {
            institutionId: by.institution.id,
            userId: fee.userId,
            feeId: fee.id,
            actor: by.actor,
            amount: money(amount),
          });
        }
        return { paid, fees };
      });
      const total = rows.fees
        .filter((f) => rows.paid.some((p) => p.id === f.id))
        .reduce((sum, f) => sum.plus(f.remainingBalance.toString()), new Decimal(0));
      return {
        fees: await feeDtos(deps, by, rows.paid),
        total: money(total),
        currency: by.institution.defaultCurrency,
      };
    },
  };
}
