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

export interface FeeBalances {
  /** The balances of each of `userIds` (zero for a user without fees), in one query. */
  balancesOf(institutionId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, UserBalances>>;
}

/** Services the fines module offers other modules (the blocks' debt limit reads the balances). */
export const finesServices = {
  balances: createServiceRef<FeeBalances>({ id: 'fines.balances' }),
};
