import { type BuiltInRole, coreServices, definePlugin, pluginConfigRef, tenancyServices } from '@ulms/platform';
import { usersEvents, usersExtensionPoints, usersServices } from '@ulms/users/contracts';
import { finesConfigSchema, type FinesConfig } from '../contracts/fines-config.schema.js';
import { FINES_MODULE, finesPermissions as can } from '../contracts/fines-module.js';
import { finesExtensionPoints } from '../contracts/fines-extension-points.js';
import { finesServices } from '../contracts/fines-services.js';
import { balanceDueGuard } from './balance-due.guard.js';
import { createFeeBalances } from './fee-balances.service.js';
import { createFeeOperations, feeOperationsRef } from './fee-operations.js';
import { finesColumn } from './fines.column.js';
import { feesDocumentPart } from './fees-document.part.js';
import { finesHttp } from '../rest/alma-fees.http.js';
import { finesRouter } from './fines.router.js';

// The first administrator (General System Administrator and User Administrator) must hold every permission to
// grant any role: granting needs every permission the role holds.
const ADMIN: BuiltInRole = 'GENERAL_SYSTEM_ADMINISTRATOR';
const DESK: BuiltInRole[] = [
  'CIRCULATION_DESK_MANAGER',
  'CIRCULATION_DESK_OPERATOR',
  'FULFILLMENT_SERVICES_OPERATOR',
  ADMIN,
];
const MANAGERS: BuiltInRole[] = ['CIRCULATION_DESK_MANAGER', 'USER_MANAGER', 'USER_ADMINISTRATOR', ADMIN];
const VIEWERS: BuiltInRole[] = [...new Set<BuiltInRole>([...DESK, ...MANAGERS, 'VIEW_ONLY_OPERATOR'])];

/** The fines and fees module: a user's fees, the actions on them and the balances other modules read. */
export const finesPlugin = definePlugin({
  id: FINES_MODULE,
  title: 'Fines and fees',
  dependsOn: ['users'],
  configSchema: finesConfigSchema,
  permissions: {
    [can.feeRead]: { description: "See a user's fines and fees and their balances", roles: VIEWERS },
    [can.feeCreate]: { description: 'Add fines, fees and credits by hand', roles: [...DESK, 'USER_MANAGER'] },
    [can.feePay]: { description: 'Record payments of fines and fees', roles: DESK },
    [can.feeWaive]: { description: 'Waive fines and fees', roles: MANAGERS },
    [can.feeDispute]: { description: 'Dispute fines and fees and restore disputed ones', roles: DESK },
    [can.feeLink]: { description: 'Link a fine or fee to an item', roles: DESK },
    [can.feeTransfer]: { description: 'Transfer fines and fees to the bursar', roles: MANAGERS },
    [can.feeRefund]: { description: 'Refund what was paid on fines and fees', roles: MANAGERS },
  },
  router: finesRouter,
  http: finesHttp,
  register(env) {
    env.declareExtensionPoint(finesExtensionPoints.accruedFines);
    env.declareExtensionPoint(finesExtensionPoints.linkedLoans);
    env.provideService(finesServices.balances, {
      deps: {
        database: coreServices.database,
        config: pluginConfigRef<FinesConfig>(),
        institutions: tenancyServices.institutions,
      },
      factory: ({ database, config, institutions }) =>
        createFeeBalances({
          sql: database.sql,
          config,
          currencyOf: async (institutionId) => (await institutions.findById(institutionId))?.defaultCurrency ?? '',
        }),
    });
    env.provideService(feeOperationsRef, {
      deps: {
        prisma: coreServices.prisma,
        transactions: coreServices.transactions,
        users: usersServices.users,
        institutions: tenancyServices.institutions,
        config: pluginConfigRef<FinesConfig>(),
        balances: finesServices.balances,
        extensions: coreServices.extensions,
      },
      factory: ({ institutions, ...deps }) =>
        createFeeOperations({ ...deps, libraries: (institutionId) => institutions.listLibraries(institutionId) }),
    });
    env.contributeWith(usersExtensionPoints.deletionGuards, {
      deps: { balances: finesServices.balances },
      factory: ({ balances }) => balanceDueGuard(balances),
    });
    // No foreign key reaches the users module's table: a deleted user's fees (none owing, by the guard) go with it.
    env.subscribe(usersEvents.userDeleted, async ({ institutionId, userId }, { services }) => {
      await services.get(coreServices.prisma).fee.deleteMany({ where: { institutionId, userId } });
    });
    env.contributeWith(usersExtensionPoints.documentParts, {
      deps: { balances: finesServices.balances },
      factory: ({ balances }) => feesDocumentPart(balances),
    });
    env.contributeWith(usersExtensionPoints.listColumns, {
      deps: { balances: finesServices.balances },
      factory: ({ balances }) => finesColumn(balances),
    });
  },
});
