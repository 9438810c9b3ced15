import { BLOCKS_MODULE } from '@ulms/blocks/contracts';
import { defineAdminPlugin } from '@ulms/ui';

/** The blocks module's admin screens. */
export const blocksAdminPlugin = defineAdminPlugin({
  moduleId: BLOCKS_MODULE,
  title: 'Blocks',
  routes: [],
  contributions: [],
});
