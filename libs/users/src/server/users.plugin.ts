import { type BuiltInRole, coreServices, definePlugin, tenancyServices } from '@ulms/platform';
import { usersConfigSchema } from '../contracts/users-config.schema.js';
import { usersExtensionPoints as points } from '../contracts/users-extension-points.js';
import { usersEvents } from '../contracts/users-events.js';
import { usersPermissions as can } from '../contracts/users-permissions.js';
import { createCodeTableService } from './code-table.service.js';
import { prefixSequenceGenerator } from './prefix-sequence.generator.js';
import { createUserSearchService } from './user-search.service.js';
import { createUserService, USERS_MODULE } from './user.service.js';
import { usersRouter } from './users.router.js';
import { usersServices } from './users-services.js';

const MANAGERS: BuiltInRole[] = ['USER_MANAGER', 'USER_ADMINISTRATOR'];
const EDITORS: BuiltInRole[] = [...MANAGERS, 'CIRCULATION_DESK_MANAGER', 'CIRCULATION_DESK_OPERATOR'];
const VIEWERS: BuiltInRole[] = [...EDITORS, 'FULFILLMENT_SERVICES_OPERATOR'];

/** The users module: the user record, its configuration, and Find and Manage Users. */
export const usersPlugin = definePlugin({
  id: USERS_MODULE,
  title: 'Users',
  configSchema: usersConfigSchema,
  permissions: {
    [can.userRead]: { description: 'Find and view users', roles: VIEWERS },
    [can.userCreate]: { description: 'Add users', roles: EDITORS },
    [can.userUpdate]: { description: 'Edit users', roles: EDITORS },
    [can.userDelete]: { description: 'Delete users', roles: MANAGERS },
    [can.configRead]: { description: 'View user code tables and rules', roles: [...VIEWERS, 'GENERAL_SYSTEM_ADMINISTRATOR'] },
    [can.configManage]: { description: 'Edit user code tables and rules', roles: ['USER_ADMINISTRATOR', 'GENERAL_SYSTEM_ADMINISTRATOR'] },
  },
  router: usersRouter,
  register(env) {
    env.declareExtensionPoint(points.validators);
    env.declareExtensionPoint(points.identifierGenerators);
    env.declareExtensionPoint(points.listColumns);
    env.contribute(points.identifierGenerators, prefixSequenceGenerator);

    env.provideService(usersServices.codeTables, {
      deps: { prisma: coreServices.prisma },
      factory: createCodeTableService,
    });
    env.provideService(usersServices.users, {
      deps: {
        prisma: coreServices.prisma,
        transactions: coreServices.transactions,
        modules: tenancyServices.modules,
        codeTables: usersServices.codeTables,
        validators: points.validators,
        identifierGenerators: points.identifierGenerators,
      },
      factory: createUserService,
    });
    env.subscribe(usersEvents.userTouched, ({ institutionId, userId, actor }, { services }) =>
      services.get(usersServices.users).markUpdated({ institutionId, actor }, userId),
    );
    env.provideService(usersServices.search, {
      deps: { prisma: coreServices.prisma, modules: tenancyServices.modules, listColumns: points.listColumns },
      factory: createUserSearchService,
    });
  },
});
