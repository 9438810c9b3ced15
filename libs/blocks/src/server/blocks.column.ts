import type { UserListColumn } from '@ulms/users/contracts';
import type { BlockChecker } from '../contracts/blocks-services.js';

/** The Blocks column of Find and Manage Users: a mark where any block is active, manual or automatic. */
export const blocksColumn = (checker: BlockChecker): UserListColumn => ({
  id: 'blocks',
  title: 'Blocks',
  async load(institutionId, userIds) {
    const blocked = await checker.blockedAmong(institutionId, userIds);
    return new Map(userIds.map((id) => [id, blocked.has(id)]));
  },
});
