// Server entry of the users module. Other modules import ./contracts only.
export * from './contracts/index.js';
export { usersPlugin } from './server/users.plugin.js';
export { usersServices } from './server/users-services.js';
export type { UserService, UserChangeActor } from './server/user.service.js';
export type { UserSearchService } from './server/user-search.service.js';
export type { CodeTableService, CodeTableEntryInput } from './server/code-table.service.js';
