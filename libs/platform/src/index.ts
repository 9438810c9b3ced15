// Server entry of the kernel. Browser-safe pieces are in ./contracts.
export * from './contracts/index.js';
export { openDatabase, databaseLocationFromEnv, type Database, type DatabaseLocation } from './database/database.js';
export type { SqlRunner } from './database/sql-runner.js';
export { inDatabaseTransaction } from './database/transaction-database.js';
export {
  applyMigrations,
  readMigrations,
  migrationStatus,
  MigrationChecksumError,
  type MigrationFile,
} from './database/migration-runner.js';
export { migrationsDir } from './database/migrations-dir.js';
export {
  DomainError,
  type DomainErrorCode,
  ValidationError,
  NotFoundError,
  ConflictError,
  ForbiddenError,
  UnauthorizedError,
  TooManyRequestsError,
  PayloadTooLargeError,
} from './errors/domain-errors.js';
export { parseInput } from './errors/parse-input.js';
export { forbiddenCharacterProblem } from './errors/forbidden-characters.js';
export { defineEvent, type EventDefinition, type EventHandler, type EventBus } from './events/event-bus.js';
export type { Transactions, UnitOfWork } from './events/transactions.js';
export { createExtensionPoint, createSingleExtensionPoint, type ExtensionPoint } from './plugin/extension-point.js';
export {
  createServiceRef,
  overrideService,
  type ServiceRef,
  type ServiceContainer,
  type ServiceOverride,
  type EnabledExtensions,
  type PluginConfig,
} from './plugin/service-ref.js';
export {
  definePlugin,
  type PluginDefinition,
  type AnyPlugin,
  type PluginRegistrationEnv,
} from './plugin/plugin-definition.js';
export { PluginStartupError, orderPlugins } from './plugin/plugin-order.js';
export { startKernel, type Kernel } from './plugin/kernel.js';
export { coreServices, pluginConfigRef } from './plugin/core-services.js';
export { platformPlugin } from './platform.plugin.js';
export { tenancyServices } from './tenancy/tenancy-services.js';
export type { InstitutionService, LibraryRecord } from './tenancy/institution.service.js';
export type { ModuleService } from './tenancy/module.service.js';
export {
  router,
  createCallerFactory,
  publicProcedure,
  authedProcedure,
  institutionProcedure,
  moduleProcedure,
  protectedProcedure,
  requirePermission,
  fieldErrorsOf,
} from './trpc/trpc.js';
export { composeRouter, routerKeyOf, type RouterRecordOf } from './trpc/compose-router.js';
export { describeProcedureGuards, type ProcedureGuards, type GuardKind } from './trpc/guards.js';
export type { Principal, InstitutionRef, RequestContext } from './trpc/request-context.js';
export { isUniqueViolation } from './database/database-errors.js';
export { createExpiringCache, type ExpiringCache } from './cache/expiring-cache.js';
export { authPlugin } from './auth/auth.plugin.js';
export { authServices } from './auth/auth-services.js';
export * from './auth/external/index.js';
export { authenticateRequest, type RequestCredentials } from './auth/request-authenticator.js';
export {
  credentialStatusJsonSql,
  type CredentialService,
  type CredentialOwner,
  type CredentialStatus,
} from './auth/credential.service.js';
export type { PasswordDirectory } from './auth/external/password-directory.js';
export type { SessionService } from './auth/session.service.js';
export type { ApiKeyService } from './auth/api-key.service.js';
export { permissionsOfRoles } from './auth/role-permissions.js';
export { totpCode } from './auth/totp.js';
export type { HttpExchange } from './trpc/request-context.js';
export type { DeclaredPermission } from './plugin/declared-permission.js';
export { ownerLibraryFilter, visibleOwnerLibraries } from './tenancy/library-scope.js';
export { hashPassword, verifyPassword, passwordPolicyErrors } from './auth/password.js';
export { defineJob, type JobDefinition, type JobContext } from './jobs/job-definition.js';
export { jobDefinitions, jobServices } from './jobs/job-refs.js';
export { defineWorker, type WorkerDefinition, type WorkerContext } from './workers/worker-definition.js';
export { workerDefinitions, workerServices } from './workers/worker-refs.js';
export type { WorkerService } from './workers/worker.service.js';
export { preferenceServices } from './preferences/preference-refs.js';
export type { PreferenceService } from './preferences/preference.service.js';
export type { JobService } from './jobs/job.service.js';
export {
  defineRestRoute,
  type RestRoute,
  type RestRequest,
  type RestResult,
  type RestBodyLimitContext,
  type RestContribution,
  type RestMethod,
  type RestResponseDoc,
} from './http/rest-route.js';
export { RestError, restErrorCodes, errorEnvelope, type RestErrorEntry } from './http/rest-error.js';
export { defaultRestError } from './http/default-rest-errors.js';
export { toXml, fromXml, type XmlShape } from './http/xml-codec.js';
export { registerRestApi, type RestApiOptions } from './http/rest-fastify.adapter.js';
export { longestPathParameter } from './http/rest-path-parameters.js';
export {
  contentDisposition,
  defineFileRoute,
  formFlag,
  type FileContribution,
  type FileDownload,
  type FileLimitContext,
  type FileRoute,
  type FileRouteRequest,
  type FileRouteResult,
  type FileUpload,
} from './http/file-route.js';
export { registerFileRoutes, type FileRoutesOptions } from './http/file-routes.fastify.js';
export { rateLimitFromEnv, keyRateLimitFromEnv, defaultKeyRateLimit } from './http/rate-limiter.js';
export { errorEnvelopeSchema } from './http/openapi-document.js';
export { isJsonLines, jsonLineRecords, jsonListRecords, type JsonRecord } from './files/json-records.js';
export { parseAlmaQueryOf, type AlmaQueryCondition } from './http/alma-query.js';
export { csvCell, safeFileName, storeUploadedFile, temporaryFileOf } from './files/stored-files.js';
