import { defineAdminPlugin, useParams } from '@ulms/ui';
import { usersPermissions } from '@ulms/users/contracts';
import { UsersConfigurationPage } from './configuration/users-configuration.page.js';
import { PurgeUsersButton } from './jobs/purge-users-button.js';
import { BulkEditJobReport, PurgeJobReport } from './jobs/users-job-report.js';
import { QuickAddUserPage } from './quick-add/quick-add-user.page.js';
import { addUserSearch, userDetailsSearch, usersPaths } from './shared/users-paths.js';
import { UserDetailsPage } from './user-details/user-details.page.js';
import { UsersPage, usersSearch } from './users.page.js';

/** User Details of the user in the path; keyed by id, so moving to another user starts afresh. */
function UserDetailsRoute() {
  const { id = '' } = useParams({ strict: false });
  return <UserDetailsPage key={id} id={id} />;
}

/** The users module's admin screens: finding, adding and editing users, its configuration and its jobs. */
export const usersAdminPlugin = defineAdminPlugin({
  moduleId: 'users',
  title: 'Users',
  routes: [
    {
      path: usersPaths.find,
      label: 'Find and Manage Users',
      permission: usersPermissions.userRead,
      component: UsersPage,
      validateSearch: usersSearch,
    },
    {
      path: usersPaths.add,
      label: 'Add user',
      permission: usersPermissions.userCreate,
      hiddenFromNav: true,
      component: QuickAddUserPage,
      validateSearch: addUserSearch,
    },
    {
      path: usersPaths.details,
      label: 'User details',
      permission: usersPermissions.userRead,
      hiddenFromNav: true,
      component: UserDetailsRoute,
      validateSearch: userDetailsSearch,
    },
  ],
  configurationPages: [
    {
      path: usersPaths.configuration,
      label: 'User configuration',
      permission: usersPermissions.configRead,
      component: UsersConfigurationPage,
    },
  ],
  jobReports: {
    'users.purge': (report) => <PurgeJobReport report={report} />,
    'users.bulkEdit': (report) => <BulkEditJobReport report={report} />,
  },
  jobActions: [{ permission: usersPermissions.userDelete, render: () => <PurgeUsersButton /> }],
});
