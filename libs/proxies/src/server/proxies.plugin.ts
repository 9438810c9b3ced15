import { type BuiltInRole, coreServices, definePlugin } from '@ulms/platform';
import { usersEvents, usersExtensionPoints, usersServices } from '@ulms/users/contracts';
import { PROXIES_MODULE, proxiesPermissions as can } from '../contracts/proxies-module.js';
import { proxiesServices } from '../contracts/proxies-services.js';
import { proxyForUserDocumentPart } from '../rest/proxy-for-user.document-part.js';
import { createProxyFulfilment } from './proxy-fulfilment.service.js';
import { createProxyOperations, proxyOperationsRef } from './proxy-operations.js';
import { proxiesRouter } from './proxies.router.js';
import { sponsorDeletionGuard } from './sponsor-deletion.guard.js';

// The first administrator must hold every permission to grant any role (granting needs all a role holds).
const MANAGERS: BuiltInRole[] = [
  'GENERAL_SYSTEM_ADMINISTRATOR',
  'USER_ADMINISTRATOR',
  'USER_MANAGER',
  'CIRCULATION_DESK_MANAGER',
  'CIRCULATION_DESK_OPERATOR',
  'FULFILLMENT_SERVICES_OPERATOR',
];

/** The proxies module: users acting for patrons, and fulfillment proxies acting on their sponsor's account. */
export const proxiesPlugin = definePlugin({
  id: PROXIES_MODULE,
  title: 'Proxies',
  dependsOn: ['users'],
  permissions: {
    [can.proxyRead]: {
      description: 'See whom a user acts for and who acts for them',
      roles: [...MANAGERS, 'VIEW_ONLY_OPERATOR'],
    },
    [can.proxyManage]: { description: 'Add and remove proxy relations, create fulfillment proxies', roles: MANAGERS },
  },
  router: proxiesRouter,
  register(env) {
    env.provideService(proxyOperationsRef, {
      deps: {
        prisma: coreServices.prisma,
        transactions: coreServices.transactions,
        events: coreServices.events,
        users: usersServices.users,
        search: usersServices.search,
      },
      factory: createProxyOperations,
    });
    env.provideService(proxiesServices.fulfilment, {
      deps: { database: coreServices.database },
      factory: ({ database }) => createProxyFulfilment({ sql: database.sql }),
    });
    env.contributeWith(usersExtensionPoints.deletionGuards, {
      deps: { prisma: coreServices.prisma },
      factory: ({ prisma }) => sponsorDeletionGuard(prisma),
    });
    env.contributeWith(usersExtensionPoints.documentParts, {
      deps: { prisma: coreServices.prisma, users: usersServices.users, search: usersServices.search },
      factory: proxyForUserDocumentPart,
    });
    // No foreign key reaches the users module's table: a deleted user's relations, either side, go with it.
    env.subscribe(usersEvents.userDeleted, async ({ institutionId, userId }, { services }) => {
      await services.get(coreServices.prisma).proxyRelation.deleteMany({
        where: { institutionId, OR: [{ proxyUserId: userId }, { patronUserId: userId }] },
      });
    });
  },
});
