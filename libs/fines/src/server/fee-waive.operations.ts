import { ConflictError, parseInput, type UnitOfWork, ValidationError } from '@ulms/platform';
import { Decimal } from 'decimal.js';
import {
  type FeeDto,
  type FeeStatus,
  type WaivedFees,
  waiveAllInput,
  waiveFeeInput,
  waiveSelectedInput,
} from '../contracts/fee.schema.js';
import type { FinesConfig } from '../contracts/fines-config.schema.js';
import type { FeeActor } from './fee-actor.js';
import { feeDto, feeDtos } from './fee-dto.js';
import type { FeeOperationsDeps } from './fee-operations.deps.js';
import { type FeeRow, lockFee, lockFeesOfUser, remainingOf } from './fee.rows.js';
import { recordFullSettlements } from './fee-ledger.writer.js';
import { settle } from './fee-settlement.js';
import { checkOpen, settleableStatuses } from './fee-state.rules.js';
import { checkWaiveReason, commentOf } from './fines-config.rules.js';
import { money, parseAmount } from './money.js';

/** Waives: part or all of one fee, the whole of several, or of every fee of a filtered list. */
export function createFeeWaiveOperations(deps: FeeOperationsDeps) {
  /** Waives each fee in full in one transaction, refused when the total is above the institution's limit. */
  const waiveInFull = async (
    by: FeeActor,
    uow: UnitOfWork,
    config: FinesConfig,
    fees: readonly FeeRow[],
    details: { reason: string; comment: string | null },
  ) => {
    const total = fees.reduce((sum, f) => sum.plus(remainingOf(f)), new Decimal(0));
    const limit = new Decimal(config.waivingFinesFeesLimit);
    const currency = by.institution.defaultCurrency;
    if (total.greaterThan(limit))
      throw new ConflictError(
        `waiving ${money(total)} ${currency} at once is above the waiving limit of ${money(limit)} ${currency} ` +
          '(waivingFinesFeesLimit)',
      );
    const waived = await recordFullSettlements(uow, by.institution.id, fees, 'WAIVE', by.actor, details);
    return { waived, total };
  };

  const answer = async (by: FeeActor, result: { waived: FeeRow[]; total: Decimal }): Promise<WaivedFees> => ({
    fees: await feeDtos(deps, by, result.waived),
    total: money(result.total),
    currency: by.institution.defaultCurrency,
  });

  return {
    /** Waives up to the remaining balance of one fee, for a reason of the list; waived in full, it closes. */
    async waive(by: FeeActor, raw: unknown): Promise<FeeDto> {
      const input = parseInput(waiveFeeInput, raw);
      const config = await deps.config.for(by.institution.id);
      const row = await deps.transactions.run(async (uow) => {
        const fee = await lockFee(uow.tx, by.institution.id, input.id);
        const amount = parseAmount('amount', input.amount);
        checkWaiveReason(config, input.reason);
        return settle(uow, by.institution.id, fee, config, 'WAIVE', by.actor, amount, {
          reason: input.reason,
          comment: commentOf(input.comment),
        });
      });
      return feeDto(deps, by, row);
    },

    /** Waives the selected fees of a user in full; every one must still be open and owed. */
    async waiveSelected(by: FeeActor, raw: unknown): Promise<WaivedFees> {
      const input = parseInput(waiveSelectedInput, raw);
      await deps.users.requireExisting(by.institution.id, input.userId);
      if (input.ids.length === 0) throw ValidationError.of('ids', 'select at least one fee');
      const config = await deps.config.for(by.institution.id);
      checkWaiveReason(config, input.reason);
      const result = await deps.transactions.run(async (uow) => {
        const ids = [...new Set(input.ids)];
        const fees = await lockFeesOfUser(uow.tx, by.institution.id, input.userId, { ids });
        ids.forEach((id, index) => {
          const fee = fees.find((f) => f.id === id);
          if (!fee) throw ValidationError.of(`ids.${index}`, 'is not a fee of this user');
          checkOpen(fee, config);
          if (remainingOf(fee).lessThanOrEqualTo(0))
            throw ValidationError.of(`ids.${index}`, 'is a credit, which cannot be waived');
        });
        return waiveInFull(by, uow, config, fees, { reason: input.reason, comment: commentOf(input.comment) });
      });
      return answer(by, result);
    },

    /** "Waive All": every fee of the user's filtered list still owed, across all its pages. */
    async waiveAll(by: FeeActor, raw: unknown): Promise<WaivedFees> {
      const input = parseInput(waiveAllInput, raw);
      await deps.users.requireExisting(by.institution.id, input.userId);
      const config = await deps.config.for(by.institution.id);
      checkWaiveReason(config, input.reason);
      const statuses = settleableStatuses(config).filter((s: FeeStatus) => !input.status || s === input.status);
      const result = await deps.transactions.run(async (uow) => {
        const fees = await lockFeesOfUser(uow.tx, by.institution.id, input.userId, { statuses, type: input.type });
        const owed = fees.filter((f) => remainingOf(f).greaterThan(0));
        return waiveInFull(by, uow, config, owed, { reason: input.reason, comment: commentOf(input.comment) });
      });
      return answer(by, result);
    },
  };
}
