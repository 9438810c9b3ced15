// Browser-safe contracts of the users module: what other modules and the admin app may import.
export * from './user-codes.js';
export * from './user.schema.js';
export type * from './user.dto.js';
export * from './users-config.schema.js';
export { usersPermissions } from './users-permissions.js';
export * from './users-extension-points.js';
export * from './users-events.js';
