import type { UserListColumn } from '@ulms/users/contracts';
import type { FeeBalances } from '../contracts/fines-services.js';

/** The Fines column of Find and Manage Users: each user's active balance, the page's users in one query. */
export function finesColumn(balances: FeeBalances): UserListColumn {
  return {
    id: 'fines',
    title: 'Fines',
    async load(institutionId, userIds) {
      const found = await balances.balancesOf(institutionId, userIds);
      return new Map([...found].map(([userId, balance]) => [userId, balance.active]));
    },
  };
}
