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
  UserSummary,
} from './user.dto.js';
export * from './users-config.schema.js';
export { fieldPermissions, usersPermissions } from './users-permissions.js';
export * from './users-extension-points.js';
export * from './users-admin-extension-points.js';
export * from './users-events.js';
export * from './user-parts.schema.js';
export * from './user-roles.schema.js';
export { grantsNow, isoToday } from './role-grants-now.js';
export { isRestrictedForEditing } from './restricted-users.js';
export { userDtoToFields } from './user-fields.js';
export * from './user-field-checks.js';
export * from './find-users-preferences.schema.js';
export * from './alma-user-id.js';
// The services other modules may call, and their refs.
export { usersServices, type DocumentParts } from './users-services.js';
export type { UserService } from './user-service.js';
export type * from './external-user-load.js';
export { almaXmlShape } from './alma-xml-shape.js';
export type { PersonalDataService, PersonalDataViewer } from './personal-data-service.js';
export type { UserDeletionService } from './user-deletion-service.js';
export type { UserPartsService } from './user-parts-service.js';
export type { UserHistoryRecord, UserHistoryWriter } from './user-history-writer.js';
export type { BulkChanges, BulkOutcome, UserBulkUpdater } from './user-bulk-updater.js';
export type { UserSearchService } from './user-search-service.js';
export type { CodeTableService, ValidationLookups } from './code-table-service.js';
export { codeTableEntryInput, type CodeTableEntryInput } from './code-table.schema.js';
export type { ChangeCaller, PartsViewer, UserChangeActor, UsersInstitutionRef } from './service-callers.js';
export { identifierKey } from './identifiers.js';
