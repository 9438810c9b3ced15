// Server entry of the users module. Other modules import ./contracts only.
export * from './contracts/index.js';
export { usersPlugin } from './server/users.plugin.js';
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
export { almaXmlShape } from './contracts/alma-xml-shape.js';
