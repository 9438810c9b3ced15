// The users module's admin plugin: the app lists it and renders its screens inside `AdminHostProvider`.
import './users-admin.css';

export { usersAdminPlugin } from './users-admin-plugin.js';
export type { UsersAdminRouter } from './users-admin-context.js';
export { UsersPage, usersSearch } from './users.page.js';
export { QuickAddUserPage } from './quick-add/quick-add-user.page.js';
export { UsersConfigurationPage } from './configuration/users-configuration.page.js';
export { UserDetailsPage } from './user-details/user-details.page.js';
export { usersPaths, userDetailsLink, userDetailsSearch, addUserLink, addUserSearch } from './shared/users-paths.js';
export { PurgeJobReport, BulkEditJobReport } from './jobs/users-job-report.js';
export { PurgeUsersButton } from './jobs/purge-users-button.js';
