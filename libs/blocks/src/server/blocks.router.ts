import { protectedProcedure } from '@ulms/platform';
import {
  addBlockInput,
  checkBlocksInput,
  removeBlockInput,
  updateBlockInput,
  userBlocksInput,
} from '../contracts/block.schema.js';
import { BLOCKS_MODULE, blocksPermissions as can } from '../contracts/blocks-module.js';
import { blocksServices } from '../contracts/blocks-services.js';
import { blockOperationsRef } from './block-operations.js';

const read = protectedProcedure(BLOCKS_MODULE, can.blockRead);
const manage = protectedProcedure(BLOCKS_MODULE, can.blockManage);

/** A user's blocks: the list, the check, and the changes to manual blocks. */
export const blocksRouter = {
  list: read.input(userBlocksInput).query(({ ctx, input }) => ctx.services.get(blockOperationsRef).list(ctx, input)),
  check: read
    .input(checkBlocksInput)
    .query(({ ctx, input }) =>
      ctx.services.get(blocksServices.checker).check(ctx.institution.id, input.userId, input.action),
    ),
  add: manage.input(addBlockInput).mutation(({ ctx, input }) => ctx.services.get(blockOperationsRef).add(ctx, input)),
  update: manage
    .input(updateBlockInput)
    .mutation(({ ctx, input }) => ctx.services.get(blockOperationsRef).update(ctx, input)),
  remove: manage
    .input(removeBlockInput)
    .mutation(({ ctx, input }) => ctx.services.get(blockOperationsRef).remove(ctx, input)),
};
