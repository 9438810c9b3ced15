import { contribute, defineAdminPlugin } from '@ulms/ui';
import { usersAdminExtensionPoints } from '@ulms/users/contracts';
import { studentRulesModule, studentRulesPermissions } from '../contracts/index.js';
import { StudentRulesTab } from './student-rules-tab.js';

/** What this plugin shows in the admin app, where an institution has enabled it. */
export const adminPlugin = defineAdminPlugin({
  moduleId: studentRulesModule,
  title: 'Student record rules',
  routes: [],
  contributions: [
    contribute(usersAdminExtensionPoints.userRecordTabs, {
      id: 'student-rules',
      label: 'Student record rules',
      permission: studentRulesPermissions.settingsRead,
      component: StudentRulesTab,
    }),
  ],
});
