/** The id institutions enable the module by; also its tRPC router's key. */
export const BLOCKS_MODULE = 'blocks';

/** Permissions of the blocks module. */
export const blocksPermissions = {
  blockRead: 'blocks.block.read',
  blockManage: 'blocks.block.manage',
  rulesConfigure: 'blocks.rules.configure',
} as const;
