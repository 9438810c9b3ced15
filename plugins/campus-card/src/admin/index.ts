import { contribute, defineAdminPlugin } from '@ulms/ui';
import { usersAdminExtensionPoints } from '@ulms/users/contracts';
import { campusCardModule, campusCardPermissions } from '../contracts/index.js';
import { CampusCardTab } from './campus-card-tab.js';

/** What this plugin shows in the admin app, where an institution has enabled it. */
export const adminPlugin = defineAdminPlugin({
  moduleId: campusCardModule,
  title: 'Campus card',
  routes: [],
  contributions: [
    contribute(usersAdminExtensionPoints.userRecordTabs, {
      id: 'campus-card',
      label: 'Campus card',
      permission: campusCardPermissions.cardRead,
      component: CampusCardTab,
    }),
  ],
});
