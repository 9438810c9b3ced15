import { LETTERS_MODULE, lettersPermissions } from '@ulms/letters/contracts';
import { contribute, defineAdminPlugin } from '@ulms/ui';
import { usersAdminExtensionPoints } from '@ulms/users/contracts';
import { LettersConfigurationPage } from './configuration/letters-configuration.page.js';
import { OutboxPage } from './outbox/outbox.page.js';
import { LettersTab } from './user/letters-tab.js';
import { NotifyUserAction } from './user/notify-user.action.js';
import { BulkMessageReport } from './bulk/bulk-message-report.js';
import { MessageUsersDialog } from './bulk/message-users.dialog.js';

/** The letters module's admin screens: the wording of letters, the outbox, and the Letters tab of User Details. */
export const lettersAdminPlugin = defineAdminPlugin({
  moduleId: LETTERS_MODULE,
  title: 'Letters',
  routes: [
    { path: '/letters/outbox', label: 'Outbox', permission: lettersPermissions.outboxRead, component: OutboxPage },
  ],
  configurationPages: [
    {
      path: '/letters/configuration',
      label: 'Letters configuration',
      permission: lettersPermissions.templateManage,
      component: LettersConfigurationPage,
    },
  ],
  contributions: [
    // Opens with /users/<id>?tab=letters.
    contribute(usersAdminExtensionPoints.userRecordTabs, {
      id: 'letters',
      label: 'Letters',
      permission: lettersPermissions.logRead,
      component: LettersTab,
    }),
    contribute(usersAdminExtensionPoints.findUsersActions, {
      id: 'message-users',
      label: 'Message users',
      permission: lettersPermissions.bulkSend,
      component: MessageUsersDialog,
    }),
    // Where a user cannot be deleted (a balance due): the User Deletion letter; the server refuses when nothing is owed.
    contribute(usersAdminExtensionPoints.deletionBlockedActions, {
      id: 'notify-user',
      permission: lettersPermissions.letterSend,
      component: NotifyUserAction,
    }),
  ],
  jobReports: { 'letters.bulkMessage': (report) => <BulkMessageReport report={report} /> },
});
