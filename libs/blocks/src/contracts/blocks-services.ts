import { createServiceRef } from '@ulms/platform/contracts';
import type { BlockCheck, BlockedAction } from './block.schema.js';

/** What other modules (fulfilment, the API) ask of the blocks module. */
export interface BlockChecker {
  /** Whether `action` is blocked for the user, with every reason (manual blocks and rules), computed now. */
  check(institutionId: string, userId: string, action: BlockedAction): Promise<BlockCheck>;
  /** The users among `userIds` with any active block, manual or automatic (the Blocks column). */
  blockedAmong(institutionId: string, userIds: readonly string[]): Promise<ReadonlySet<string>>;
}

export const blocksServices = {
  checker: createServiceRef<BlockChecker>({ id: 'blocks.checker' }),
};
