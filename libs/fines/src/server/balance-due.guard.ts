import type { UserDeletionGuard } from '@ulms/users/contracts';
import type { FeeBalances } from '../contracts/fines-services.js';

/** A user whose active balance is not zero (owing, or owed a credit) may not be deleted. */
export function balanceDueGuard(balances: FeeBalances): UserDeletionGuard {
  return {
    id: 'fines.balance-due',
    async reasons(institutionId, userIds) {
      const found = await balances.balancesOf(institutionId, userIds);
      const reasons = new Map<string, string[]>();
      for (const [userId, balance] of found)
        if (Number(balance.active) !== 0)
          reasons.set(userId, [`balance due: ${balance.active} ${balance.currency} in fines and fees`]);
      return reasons;
    },
  };
}
