import { protectedProcedure } from '@ulms/platform';
import {
  addBlockInput,
  checkBlocksInput,
  configureBlockRulesInput,
  removeBlockInput,
  updateBlockInput,
  userBlocksInput,
} from '../contracts/block.schema.js';
import { BLOCKS_MODULE, blocksPermissions as can } from '../contracts/blocks-module.js';
import { blocksServices } from '../contracts/blocks-services.js';
import { blockOperationsRef } from './block-operations.js';
import { blockRuleOperationsRef } from './block-rules.operations.js';

const read = protectedProcedure(BLOCKS_MODULE, can.blockRead);
const manage = protectedProcedure(BLOCKS_MODULE, can.blockManage);
const configureRules = protectedProcedure(BLOCKS_MODULE, can.rulesConfigure);

/** A user's blocks (the list, the check, the changes to manual blocks), the block types and the rules. */
export const blocksRouter = {
  config: read.query(({ ctx }) => ctx.services.get(blockRuleOperationsRef).config(ctx.institution.id)),
  rules: {
    list: read.query(({ ctx }) => ctx.services.get(blockRuleOperationsRef).list(ctx.institution.id)),
    configure: configureRules
      .input(configureBlockRulesInput)
      .mutation(({ ctx, input }) => ctx.services.get(blockRuleOperationsRef).configure(ctx.institution.id, input)),
  },
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
