import { type BuiltInRole, coreServices, definePlugin, pluginConfigRef, tenancyServices } from '@ulms/platform';
import { finesServices } from '@ulms/fines/contracts';
import { usersEvents, usersExtensionPoints, usersServices } from '@ulms/users/contracts';
import { type BlocksConfig, blocksConfigSchema } from '../contracts/blocks-config.schema.js';
import { blocksExtensionPoints } from '../contracts/blocks-extension-points.js';
import { BLOCKS_MODULE, blocksPermissions as can } from '../contracts/blocks-module.js';
import { blocksServices } from '../contracts/blocks-services.js';
import { blockChecksRef, createBlockChecks } from './block-checks.js';
import { blockOperationsRef, createBlockOperations } from './block-operations.js';
import { blockRuleOperationsRef, createBlockRuleOperations } from './block-rules.operations.js';
import { blocksColumn } from './blocks.column.js';
import { blocksRouter } from './blocks.router.js';
import { userBlockDocumentPart } from '../rest/user-block.document-part.js';
import { debtLimitRule } from './debt-limit.rule.js';
import { expiredUserRule } from './expired-user.rule.js';

// The first administrator must hold every permission to grant any role (granting needs all a role holds).
const MANAGERS: BuiltInRole[] = [
  'GENERAL_SYSTEM_ADMINISTRATOR',
  'USER_ADMINISTRATOR',
  'USER_MANAGER',
  'CIRCULATION_DESK_MANAGER',
  'CIRCULATION_DESK_OPERATOR',
  'FULFILLMENT_SERVICES_OPERATOR',
];

/** The blocks module: manual blocks on users and the automatic ones rules compute. */
export const blocksPlugin = definePlugin({
  id: BLOCKS_MODULE,
  title: 'Blocks',
  dependsOn: ['users'],
  configSchema: blocksConfigSchema,
  permissions: {
    [can.blockRead]: {
      description: "See a user's blocks and whether an action is blocked",
      roles: [...MANAGERS, 'VIEW_ONLY_OPERATOR'],
    },
    [can.blockManage]: { description: 'Add, edit and remove blocks', roles: MANAGERS },
    [can.rulesConfigure]: {
      description: 'Switch automatic-block rules on and off and set their parameters',
      roles: ['GENERAL_SYSTEM_ADMINISTRATOR'],
    },
  },
  router: blocksRouter,
  register(env) {
    env.declareExtensionPoint(blocksExtensionPoints.rules);
    const checksDeps = {
      users: usersServices.users,
      config: pluginConfigRef<BlocksConfig>(),
      extensions: coreServices.extensions,
    };
    env.provideService(blockChecksRef, {
      deps: { ...checksDeps, search: usersServices.search, database: coreServices.database },
      factory: ({ database, ...deps }) => createBlockChecks({ ...deps, sql: database.sql }),
    });
    env.provideService(blocksServices.checker, { deps: { checks: blockChecksRef }, factory: ({ checks }) => checks });
    env.provideService(blockOperationsRef, {
      deps: {
        ...checksDeps,
        prisma: coreServices.prisma,
        checks: blockChecksRef,
        transactions: coreServices.transactions,
        institutions: tenancyServices.institutions,
      },
      factory: ({ institutions, ...deps }) =>
        createBlockOperations({ ...deps, libraries: (institutionId) => institutions.listLibraries(institutionId) }),
    });
    env.provideService(blockRuleOperationsRef, {
      deps: {
        config: pluginConfigRef<BlocksConfig>(),
        extensions: coreServices.extensions,
        modules: tenancyServices.modules,
      },
      factory: createBlockRuleOperations,
    });
    env.contribute(blocksExtensionPoints.rules, expiredUserRule);
    // The debt limit is the fines module's count; a fee-less institution never reaches it.
    env.contributeWith(blocksExtensionPoints.rules, {
      deps: { balances: finesServices.balances },
      factory: ({ balances }) => debtLimitRule(balances),
    });
    env.contributeWith(usersExtensionPoints.documentParts, {
      deps: {
        prisma: coreServices.prisma,
        config: pluginConfigRef<BlocksConfig>(),
        institutions: tenancyServices.institutions,
      },
      factory: ({ institutions, ...deps }) =>
        userBlockDocumentPart({ ...deps, libraries: (institutionId) => institutions.listLibraries(institutionId) }),
    });
    env.contributeWith(usersExtensionPoints.listColumns, {
      deps: { checker: blocksServices.checker },
      factory: ({ checker }) => blocksColumn(checker),
    });
    // No foreign key reaches the users module's table: a deleted user's blocks go with it.
    env.subscribe(usersEvents.userDeleted, async ({ institutionId, userId }, { services }) => {
      await services.get(coreServices.prisma).userBlock.deleteMany({ where: { institutionId, userId } });
    });
  },
});
