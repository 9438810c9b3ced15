import { createServiceRef } from '@ulms/platform/contracts';

/** A user's balances, as decimal strings with 2 decimals. */
export interface UserBalances {
  /** What the user owes now: active fees (and transferred ones when activity on them is allowed), disputed excluded. */
  readonly active: string;
  readonly disputed: string;
  readonly transferred: string;
  readonly currency: string;
}

/** The summary area of a user's Fines/Fees: the balances, and fines still accruing (counted in no balance). */
export interface BalanceSummary extends UserBalances {
  readonly accrued: string;
}

/** Where a user stands against the debt limit of their user group. */
export interface DebtStanding {
  /** What counts against the limit: the active balance (disputed fees and accrued fines left out). */
  readonly owed: string;
  /** The user group's limit, or null when the institution sets none for it. */
  readonly limit: string | null;
  /** Owed is the limit or more: the blocks module's debt-limit rule blocks such a user. */
  readonly limitReached: boolean;
  readonly currency: string;
}

export interface FeeBalances {
  /** The balances of each of `userIds` (zero for a user without fees), in one query. */
  balancesOf(institutionId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, UserBalances>>;
  /** Each user's standing against their user group's debt limit, in one query. */
  debtOf(
    institutionId: string,
    users: readonly { readonly id: string; readonly userGroup: string | null }[],
  ): Promise<ReadonlyMap<string, DebtStanding>>;
}

/** Services the fines module offers other modules (the blocks' debt limit reads the balances). */
export const finesServices = {
  balances: createServiceRef<FeeBalances>({ id: 'fines.balances' }),
};
