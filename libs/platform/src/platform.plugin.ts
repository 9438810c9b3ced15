import { platformPermissions as can } from './contracts/platform-permissions.js';
import { preferenceKeys } from './contracts/preferences.schema.js';
import type { BuiltInRole } from './contracts/roles.js';
import { jobDefinitions, jobServices } from './jobs/job-refs.js';
import { createJobService } from './jobs/job.service.js';
import { coreServices } from './plugin/core-services.js';
import { definePlugin } from './plugin/plugin-definition.js';
import { preferenceServices } from './preferences/preference-refs.js';
import { createPreferenceService } from './preferences/preference.service.js';
import { createInstitutionService } from './tenancy/institution.service.js';
import { createModuleService } from './tenancy/module.service.js';
import { platformRouter } from './tenancy/platform.router.js';
import { tenancyServices } from './tenancy/tenancy-services.js';
import { workerDefinitions, workerServices } from './workers/worker-refs.js';
import { createWorkerService } from './workers/worker.service.js';

const ADMIN: BuiltInRole[] = ['GENERAL_SYSTEM_ADMINISTRATOR'];
export const STAFF_ROLES: BuiltInRole[] = [
  'GENERAL_SYSTEM_ADMINISTRATOR',
  'USER_MANAGER',
  'USER_ADMINISTRATOR',
  'CIRCULATION_DESK_MANAGER',
  'CIRCULATION_DESK_OPERATOR',
  'FULFILLMENT_SERVICES_OPERATOR',
];

/** The kernel as a plugin: tenancy services and the institution administration procedures. */
export const platformPlugin = definePlugin({
  id: 'platform',
  title: 'Platform',
  core: true,
  permissions: {
    [can.institutionRead]: { description: 'View the institution', roles: [...STAFF_ROLES, 'VIEW_ONLY_OPERATOR'] },
    [can.institutionManage]: { description: 'Change the institution settings', roles: ADMIN },
    [can.libraryRead]: { description: 'View the libraries', roles: [...STAFF_ROLES, 'VIEW_ONLY_OPERATOR'] },
    [can.libraryManage]: { description: 'Add libraries', roles: ADMIN },
    [can.moduleRead]: { description: 'View modules and their configuration', roles: ADMIN },
    [can.moduleManage]: { description: 'Enable, disable and configure modules', roles: ADMIN },
    // The View-Only Operator changes no data, but its own screen choices are kept like everyone's.
    [can.preferenceOwn]: {
      description: "Keep one's own screen preferences (columns, page size)",
      roles: [...STAFF_ROLES, 'VIEW_ONLY_OPERATOR'],
    },
    [can.jobRead]: {
      description: 'View jobs, their progress and reports',
      roles: [...ADMIN, 'USER_MANAGER', 'USER_ADMINISTRATOR', 'VIEW_ONLY_OPERATOR'],
    },
    [can.jobOwnRead]: {
      description: 'Follow the jobs one started and read their reports',
      roles: [...STAFF_ROLES, 'VIEW_ONLY_OPERATOR'],
    },
  },
  router: platformRouter,
  register(env) {
    env.declareExtensionPoint(jobDefinitions);
    env.declareExtensionPoint(preferenceKeys);
    env.declareExtensionPoint(workerDefinitions);
    env.provideService(workerServices.workers, {
      deps: { definitions: workerDefinitions, logger: coreServices.logger, services: coreServices.container },
      factory: createWorkerService,
    });
    env.provideService(preferenceServices.preferences, {
      deps: { prisma: coreServices.prisma, keys: preferenceKeys },
      factory: createPreferenceService,
    });
    env.provideService(jobServices.jobs, {
      deps: {
        prisma: coreServices.prisma,
        definitions: jobDefinitions,
        extensions: coreServices.extensions,
        logger: coreServices.logger,
        services: coreServices.container,
      },
      factory: ({ extensions, ...deps }) =>
        createJobService({ ...deps, enabledIn: (institutionId) => extensions.for(jobDefinitions, institutionId) }),
    });
    env.provideService(tenancyServices.institutions, {
      deps: { prisma: coreServices.prisma },
      factory: createInstitutionService,
    });
    env.provideService(tenancyServices.modules, {
      deps: { prisma: coreServices.prisma, plugins: coreServices.plugins, events: coreServices.events },
      factory: createModuleService,
    });
  },
});
