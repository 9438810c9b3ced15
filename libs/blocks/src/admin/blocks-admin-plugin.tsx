import { BLOCKS_MODULE, blocksPermissions } from '@ulms/blocks/contracts';
import { platformPermissions } from '@ulms/platform/contracts';
import { contribute, defineAdminPlugin } from '@ulms/ui';
import { usersAdminExtensionPoints } from '@ulms/users/contracts';
import { BlocksTab } from './blocks-tab.js';
import { BlocksConfigurationPage } from './configuration/blocks-configuration.page.js';
import { isBlockable } from './is-blockable.js';

/** The blocks module's admin screens: the Blocks tab of User Details and the block types and rules. */
export const blocksAdminPlugin = defineAdminPlugin({
  moduleId: BLOCKS_MODULE,
  title: 'Blocks',
  routes: [],
  configurationPages: [
    {
      path: '/blocks/configuration',
      label: 'Blocks configuration',
      // The block types are the module's settings: those who may see the modules' settings see these.
      permission: platformPermissions.moduleRead,
      component: BlocksConfigurationPage,
    },
  ],
  contributions: [
    // Opens with /users/<id>?tab=blocks.
    contribute(usersAdminExtensionPoints.userRecordTabs, {
      id: 'blocks',
      label: 'Blocks',
      permission: blocksPermissions.blockRead,
      shownFor: isBlockable,
      component: BlocksTab,
    }),
  ],
});
