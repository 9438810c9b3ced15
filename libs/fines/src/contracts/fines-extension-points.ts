import { createExtensionPoint } from '@ulms/platform/contracts';
import type { LinkedLoanDto } from './fee.schema.js';

/**
 * Whatever computes overdue fines reports the fines still accruing on loans not yet returned: shown in a user's
 * summary, never in the active balance nor the debt limit.
 */
export interface AccruedFinesSource {
  readonly id: string;
  /** The accrued amount of each of `userIds` as a decimal string; users with none may be left out. */
  accruedOf(institutionId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** The fulfilment side names the loan a fee came from, for the fee's "View loan". */
export interface LinkedLoanSource {
  readonly id: string;
  loanOf(
    institutionId: string,
    fee: { readonly id: string; readonly userId: string; readonly itemBarcode: string | null },
  ): Promise<LinkedLoanDto | null>;
}

/** Extension points of the fines module, filled by other plugins where they are enabled. */
export const finesExtensionPoints = {
  accruedFines: createExtensionPoint<AccruedFinesSource>({ id: 'fines.accruedFines' }),
  linkedLoans: createExtensionPoint<LinkedLoanSource>({ id: 'fines.linkedLoans' }),
};
