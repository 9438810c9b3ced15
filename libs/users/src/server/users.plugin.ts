import { createUserHistoryWriter } from './user-history.writer.js';
import {
  authExtensionPoints,
  authServices,
  type BuiltInRole,
  coreServices,
  definePlugin,
  jobDefinitions,
  platformEvents,
  type PreferenceKey,
  preferenceKeys,
  tenancyServices,
} from '@ulms/platform';
import { findUsersPreferences } from '../contracts/find-users-preferences.schema.js';
import { usersConfigSchema } from '../contracts/users-config.schema.js';
import { usersEvents } from '../contracts/users-events.js';
import { usersExtensionPoints as points } from '../contracts/users-extension-points.js';
import { usersPermissions as can } from '../contracts/users-permissions.js';
import { usersFiles } from '../files/attachment-files.js';
import { usersHttp } from '../rest/alma-users.http.js';
import { createStoragePicker } from './attachment-storage.js';
import { bulkEditUsersJob } from './bulk-edit-users.job.js';
import { createUserBulkUpdater } from './user-bulk-update.js';
import { createExternalUserLoad } from './external-load/external-user-load.service.js';
import { createUserRecordLoader } from './user-record.loader.js';
import { createCodeTableService } from './code-table.service.js';
import { createPersonalDataService } from '../rest/personal-data.service.js';
import { createDocumentParts } from './document-parts.js';
import { recordPatronActivity, forgetPatronActivityWhenSwitchedOff } from './patron-activity.js';
import { prefixSequenceGenerator } from './prefix-sequence.generator.js';
import { purgeUsersJob } from './purge-users.job.js';
import { createUserDeletionService } from './user-deletion.service.js';
import { createUserPartsService } from './user-parts.service.js';
import { createUserSearchService } from './user-search.service.js';
import { createUserPrincipalResolver } from './user-principal-resolver.js';
import { createUserRoleSource } from './user-role-source.js';
import { createUserService } from './user.service.js';
import { USERS_MODULE } from './users-module.js';
import { usersRouter } from './users.router.js';
import { usersServices } from './users-services.js';

const MANAGERS: BuiltInRole[] = ['USER_MANAGER', 'USER_ADMINISTRATOR'];
const EDITORS: BuiltInRole[] = [...MANAGERS, 'CIRCULATION_DESK_MANAGER', 'CIRCULATION_DESK_OPERATOR'];
const VIEWERS: BuiltInRole[] = [...EDITORS, 'FULFILLMENT_SERVICES_OPERATOR', 'VIEW_ONLY_OPERATOR'];

/** The users module: the user record, its configuration and tabs, and Find and Manage Users. */
export const usersPlugin = definePlugin({
  id: USERS_MODULE,
  title: 'Users',
  configSchema: usersConfigSchema,
  permissions: {
    [can.userRead]: { description: 'Find and view users', roles: VIEWERS },
    [can.userCreate]: { description: 'Add users', roles: EDITORS },
    [can.userUpdate]: {
      description: 'Edit users, their notes, statistics and attachments',
      roles: EDITORS,
    },
    [can.userDelete]: {
      description: 'Delete and purge users',
      roles: MANAGERS,
    },
    [can.toggleAccountType]: {
      description: 'Toggle users between internal and external',
      roles: MANAGERS,
    },
    [can.roleManage]: {
      description: "Grant, change and remove users' roles, within the permissions one holds",
      roles: ['USER_ADMINISTRATOR', 'GENERAL_SYSTEM_ADMINISTRATOR'],
    },
    [can.configRead]: {
      description: 'View user code tables and rules',
      roles: [...VIEWERS, 'GENERAL_SYSTEM_ADMINISTRATOR'],
    },
    [can.configManage]: {
      description: 'Edit user code tables and rules',
      roles: ['USER_ADMINISTRATOR', 'GENERAL_SYSTEM_ADMINISTRATOR'],
    },
    [can.restrictedUserEdit]: {
      description: 'Email users restricted for editing (without it: "Can\'t edit restricted users")',
      roles: ['USER_ADMINISTRATOR', 'GENERAL_SYSTEM_ADMINISTRATOR'],
    },
  },
  router: usersRouter,
  http: usersHttp,
  files: usersFiles,
  register(env) {
    env.declareExtensionPoint(points.validators);
    env.declareExtensionPoint(points.identifierGenerators);
    env.declareExtensionPoint(points.listColumns);
    env.declareExtensionPoint(points.searchFilters);
    env.declareExtensionPoint(points.deletionGuards);
    env.declareExtensionPoint(points.attachmentStorage);
    env.declareExtensionPoint(points.documentParts);
    env.declareExtensionPoint(points.pinLetters);
    env.contribute(points.identifierGenerators, prefixSequenceGenerator);
    env.contributeWith(authExtensionPoints.principalResolver, {
      deps: {
        database: coreServices.database,
        modules: tenancyServices.modules,
        institutions: tenancyServices.institutions,
      },
      factory: createUserPrincipalResolver,
    });
    env.contributeWith(authExtensionPoints.roleSource, {
      deps: { database: coreServices.database, institutions: tenancyServices.institutions },
      factory: createUserRoleSource,
    });
    env.contribute(jobDefinitions, purgeUsersJob);
    env.contribute(jobDefinitions, bulkEditUsersJob);
    env.contribute(preferenceKeys, findUsersPreferences as PreferenceKey);

    env.provideService(usersServices.codeTables, {
      deps: {
        prisma: coreServices.prisma,
        institutions: tenancyServices.institutions,
      },
      factory: createCodeTableService,
    });
    env.provideService(usersServices.storage, {
      deps: {
        modules: tenancyServices.modules,
        dataDir: coreServices.dataDir,
        extensions: coreServices.extensions,
      },
      factory: createStoragePicker,
    });
    env.provideService(usersServices.documentParts, {
      deps: { extensions: coreServices.extensions },
      factory: createDocumentParts,
    });
    env.provideService(usersServices.personalData, {
      deps: { services: coreServices.container },
      factory: ({ services }) => createPersonalDataService(services),
    });
    env.provideService(usersServices.users, {
      deps: {
        prisma: coreServices.prisma,
        database: coreServices.database,
        institutions: tenancyServices.institutions,
        transactions: coreServices.transactions,
        credentials: authServices.credentials,
        modules: tenancyServices.modules,
        codeTables: usersServices.codeTables,
        extensions: coreServices.extensions,
        permissions: coreServices.permissions,
      },
      factory: createUserService,
    });
    env.provideService(usersServices.bulkUpdater, {
      deps: {
        prisma: coreServices.prisma,
        transactions: coreServices.transactions,
        modules: tenancyServices.modules,
        codeTables: usersServices.codeTables,
        extensions: coreServices.extensions,
      },
      factory: createUserBulkUpdater,
    });
    env.provideService(usersServices.externalLoad, {
      deps: {
        database: coreServices.database,
        credentials: authServices.credentials,
        modules: tenancyServices.modules,
        codeTables: usersServices.codeTables,
        extensions: coreServices.extensions,
      },
      factory: ({ modules, ...deps }) =>
        createExternalUserLoad({
          ...deps,
          records: createUserRecordLoader({ database: deps.database, modules, credentials: deps.credentials }),
          documentParts: createDocumentParts({ extensions: deps.extensions }),
        }),
    });
    env.provideService(usersServices.history, { deps: {}, factory: createUserHistoryWriter });
    env.provideService(usersServices.search, {
      deps: {
        database: coreServices.database,
        extensions: coreServices.extensions,
      },
      factory: createUserSearchService,
    });
    env.provideService(usersServices.deletion, {
      deps: {
        prisma: coreServices.prisma,
        transactions: coreServices.transactions,
        extensions: coreServices.extensions,
        credentials: authServices.credentials,
        storage: usersServices.storage,
      },
      factory: createUserDeletionService,
    });
    env.provideService(usersServices.parts, {
      deps: {
        prisma: coreServices.prisma,
        database: coreServices.database,
        transactions: coreServices.transactions,
        modules: tenancyServices.modules,
        codeTables: usersServices.codeTables,
        institutions: tenancyServices.institutions,
        storage: usersServices.storage,
      },
      factory: createUserPartsService,
    });

    env.subscribe(
      usersEvents.userTouched,
      async ({ institutionId, userId, actor, actorKind, history }, { services }) => {
        await services.get(usersServices.users).markUpdated({ institutionId, actor, actorKind }, userId, history);
      },
    );
    env.subscribe(usersEvents.patronActivity, (event, { services }) => recordPatronActivity(services, event));
    env.subscribe(platformEvents.moduleConfigured, (event, { services }) =>
      forgetPatronActivityWhenSwitchedOff(services, event),
    );
  },
});
