import { parseInput, ValidationError } from '@ulms/platform';
import { Decimal } from 'decimal.js';
import { addFeeInput, creditFeeInput, type FeeDto } from '../contracts/fee.schema.js';
import { finesEvents } from '../contracts/fines-events.js';
import type { FeeActor } from './fee-actor.js';
import { feeDto } from './fee-dto.js';
import type { FeeOperationsDeps } from './fee-operations.deps.js';
import { commentOf, feeTypeOf } from './fines-config.rules.js';
import { money, parseAmount, toCents } from './money.js';

/** Adds fees and credits by hand. */
export function createFeeAddOperations(deps: FeeOperationsDeps) {
  const ownerOf = async (by: FeeActor, code: string | undefined, libraryOwner: boolean, type: string) => {
    const wanted = code?.trim();
    if (!wanted) return null;
    if (!libraryOwner) throw ValidationError.of('ownerLibrary', `fees of type "${type}" are owned by the institution`);
    const library = (await deps.libraries(by.institution.id)).find((l) => l.code === wanted);
    if (!library) throw ValidationError.of('ownerLibrary', `"${wanted}" is not a library of this institution`);
    return library.id;
  };

  return {
    /** A fee of a type staff may create: its VAT added when the type has a rate; a fee of 0.00 is closed at once. */
    async add(by: FeeActor, raw: unknown): Promise<FeeDto> {
      const input = parseInput(addFeeInput, raw);
      await deps.users.requireExisting(by.institution.id, input.userId);
      const config = await deps.config.for(by.institution.id);
      const type = feeTypeOf(config, input.type, 'manual');
      const amount = parseAmount('amount', input.amount);
      const ownerLibraryId = await ownerOf(by, input.ownerLibrary, type.libraryOwner, type.code);
      const vat = type.vatRate === null ? new Decimal(0) : toCents(amount.times(type.vatRate).dividedBy(100));
      const total = amount.plus(vat);
      const row = await deps.transactions.run(async ({ tx, raise }) => {
        const created = await tx.fee.create({
          data: {
            institutionId: by.institution.id,
            userId: input.userId,
            typeCode: type.code,
            ownerLibraryId,
            originalAmount: total.toFixed(2),
            remainingBalance: total.toFixed(2),
            originalVat: vat.toFixed(2),
            remainingVat: vat.toFixed(2),
            status: total.isZero() ? 'CLOSED' : 'ACTIVE',
            comment: commentOf(input.comment),
            itemBarcode: input.itemBarcode?.trim() || null,
            itemTitle: input.itemTitle?.trim() || null,
            createdBy: by.actor,
            ledger: {
              create: {
                action: 'ADD',
                amount: total.toFixed(2),
                vatAmount: vat.toFixed(2),
                comment: commentOf(input.comment),
                createdBy: by.actor,
              },
            },
          },
        });
        raise(finesEvents.feeAdded, {
          institutionId: by.institution.id,
          userId: input.userId,
          feeId: created.id,
          actor: by.actor,
          amount: money(total),
        });
        return created;
      });
      return feeDto(deps, by, row);
    },

    /** A credit: entered positive, stored negative, with a comment saying why. */
    async credit(by: FeeActor, raw: unknown): Promise<FeeDto> {
      const input = parseInput(creditFeeInput, raw);
      await deps.users.requireExisting(by.institution.id, input.userId);
      const config = await deps.config.for(by.institution.id);
      const type = feeTypeOf(config, input.type, 'any');
      const amount = parseAmount('amount', input.amount);
      if (amount.isZero()) throw ValidationError.of('amount', 'must be more than 0');
      const comment = commentOf(input.comment);
      if (!comment) throw ValidationError.of('comment', 'is required for a credit');
      const ownerLibraryId = await ownerOf(by, input.ownerLibrary, type.libraryOwner, type.code);
      const stored = amount.negated().toFixed(2);
      const row = await deps.transactions.run(async ({ tx, raise }) => {
        const created = await tx.fee.create({
          data: {
            institutionId: by.institution.id,
            userId: input.userId,
            typeCode: type.code,
            ownerLibraryId,
            originalAmount: stored,
            remainingBalance: stored,
            comment,
            createdBy: by.actor,
            ledger: { create: { action: 'CREDIT', amount: stored, comment, createdBy: by.actor } },
          },
        });
        raise(finesEvents.feeCredited, {
          institutionId: by.institution.id,
          userId: input.userId,
          feeId: created.id,
          actor: by.actor,
          amount: stored,
        });
        return created;
      });
      return feeDto(deps, by, row);
    },
  };
}
