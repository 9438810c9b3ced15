import { ConflictError, parseInput, ValidationError } from '@ulms/platform';
import { Decimal } from 'decimal.js';
import { disputeFeeInput, type FeeDto, linkItemInput } from '../contracts/fee.schema.js';
import type { FinesConfig } from '../contracts/fines-config.schema.js';
import { finesEvents } from '../contracts/fines-events.js';
import type { FeeActor } from './fee-actor.js';
import { feeDto } from './fee-dto.js';
import { recordAction } from './fee-ledger.writer.js';
import type { FeeOperationsDeps } from './fee-operations.deps.js';
import { type FeeRow, lockFee, remainingOf, remainingVatOf } from './fee.rows.js';
import { checkOpen } from './fee-state.rules.js';
import { commentOf } from './fines-config.rules.js';

const ZERO = new Decimal(0);
const unchanged = (fee: FeeRow) => ({ remainingBalance: remainingOf(fee), remainingVat: remainingVatOf(fee) });

/** Dispute and restore (which only a fee in dispute allows), and the link to an item. */
export function createFeeDisputeOperations(deps: FeeOperationsDeps) {
  const change = async (
    by: FeeActor,
    id: string,
    work: (fee: FeeRow, config: FinesConfig) => { action: 'DISPUTE' | 'RESTORE'; status: 'IN_DISPUTE' | 'ACTIVE' },
    comment: string | null,
  ) => {
    const config = await deps.config.for(by.institution.id);
    const row = await deps.transactions.run(async (uow) => {
      const fee = await lockFee(uow.tx, by.institution.id, id);
      checkOpen(fee, config);
      const { action, status } = work(fee, config);
      return recordAction(uow, by.institution.id, fee, {
        action,
        actor: by.actor,
        amount: ZERO,
        vatAmount: ZERO,
        ...unchanged(fee),
        status,
        comment,
      });
    });
    return feeDto(deps, by, row);
  };

  return {
    /** Puts an active fee in dispute: its balance leaves the active balance for the disputed one. */
    async dispute(by: FeeActor, raw: unknown): Promise<FeeDto> {
      const input = parseInput(disputeFeeInput, raw);
      return change(
        by,
        input.id,
        (fee) => {
          if (fee.status === 'IN_DISPUTE') throw new ConflictError('the fee is already in dispute');
          if (remainingOf(fee).lessThanOrEqualTo(0)) throw new ConflictError('a credit cannot be disputed');
          return { action: 'DISPUTE', status: 'IN_DISPUTE' };
        },
        commentOf(input.comment),
      );
    },

    /** Restores a fee in dispute to active. */
    async restore(by: FeeActor, raw: unknown): Promise<FeeDto> {
      const input = parseInput(disputeFeeInput, raw);
      return change(
        by,
        input.id,
        (fee) => {
          if (fee.status !== 'IN_DISPUTE') throw new ConflictError('only a fee in dispute can be restored');
          return { action: 'RESTORE', status: 'ACTIVE' };
        },
        commentOf(input.comment),
      );
    },

    /** Links the fee to an item by its barcode (and title). */
    async linkItem(by: FeeActor, raw: unknown): Promise<FeeDto> {
      const input = parseInput(linkItemInput, raw);
      const config = await deps.config.for(by.institution.id);
      const row = await deps.transactions.run(async ({ tx, raise }) => {
        const fee = await lockFee(tx, by.institution.id, input.id);
        checkOpen(fee, config);
        const itemBarcode = input.itemBarcode.trim();
        if (!itemBarcode) throw ValidationError.of('itemBarcode', 'is required');
        const linked = await tx.fee.update({
          where: { id: fee.id },
          data: { itemBarcode, itemTitle: input.itemTitle?.trim() || null, version: { increment: 1 } },
        });
        raise(finesEvents.feeLinked, {
          institutionId: by.institution.id,
          userId: fee.userId,
          feeId: fee.id,
          actor: by.actor,
          amount: '0.00',
          itemBarcode,
        });
        return linked;
      });
      return feeDto(deps, by, row);
    },
  };
}
