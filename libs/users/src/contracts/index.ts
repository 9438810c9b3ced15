// Browser-safe contracts of the users module: what other modules and the admin app may import.
export * from './user-codes.js';
export * from './user.schema.js';
export type {
  AddressDto,
  CodeTableEntryDto,
  EmailDto,
  IdentifierDto,
  PhoneDto,
  PossibleDuplicate,
  RoleDto,
  SaveUserResult,
  UserDto,
  UserListPage,
  UserListRow,
} from './user.dto.js';
export * from './users-config.schema.js';
export { fieldPermissions, usersPermissions } from './users-permissions.js';
export * from './users-extension-points.js';
export * from './users-admin-extension-points.js';
export * from './users-events.js';
export * from './user-parts.schema.js';
export { userDtoToFields } from './user-fields.js';
export * from './user-field-checks.js';
export * from './find-users-preferences.schema.js';
