// Server entry of the users module. Other modules import ./contracts only.
export * from './contracts/index.js';
export { usersPlugin } from './server/users.plugin.js';
export { usersServices } from './server/users-services.js';
export type { UserService } from './server/user.service.js';
export type { UserChangeActor } from './server/change-actor.js';
export type { UserSearchService } from './server/user-search.service.js';
export type { CodeTableService, CodeTableEntryInput } from './server/code-table.service.js';
export {
  almaUserToFields,
  userDtoToAlma,
  type AlmaUserFields,
  type AlmaOutputOptions,
} from './server/alma/alma-user.mapper.js';
export { almaLabelsOf, type AlmaLabels } from './server/alma/alma-labels.js';
export { seedUsersDemo } from './server/demo/users-demo.seed.js';
export { nameSearchOf, sortNameOf, normalizeName } from './server/names.js';
export { usersHttp } from './rest/alma-users.http.js';
export { usersFiles } from './files/attachment-files.js';
export { almaXmlShape } from './rest/alma-xml-shape.js';
