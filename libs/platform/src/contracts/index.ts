// Browser-safe kernel contracts: shared by the server, the admin app and every module's contracts.
export { transformer, Decimal } from './transformer.js';
export type { FieldError } from './field-error.js';
export * from './tenancy.schema.js';
export { platformPermissions, authPermissions } from './platform-permissions.js';
export * from './roles.js';
export * from './auth.schema.js';
export { createExtensionPoint, createSingleExtensionPoint, type ExtensionPoint } from '../plugin/extension-point.js';
export { createServiceRef, type ServiceRef } from '../plugin/service-ref.js';
export { defineEvent, type EventDefinition } from '../events/event-bus.js';
export * from './jobs.schema.js';
export * from './preferences.schema.js';
export { platformEvents } from './platform-events.js';
export { TRPC_MAX_URL_LENGTH, HTTP_MAX_HEADER_BYTES } from './http-limits.js';
export * from './identity.js';
