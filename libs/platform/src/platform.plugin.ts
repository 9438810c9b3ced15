import { platformPermissions as can } from './contracts/platform-permissions.js';
import type { BuiltInRole } from './contracts/roles.js';
import { jobDefinitions, jobServices } from './jobs/job-refs.js';
import { createJobService } from './jobs/job.service.js';
import { coreServices } from './plugin/core-services.js';
import { definePlugin } from './plugin/plugin-definition.js';
import { createInstitutionService } from './tenancy/institution.service.js';
import { createModuleService } from './tenancy/module.service.js';
import { platformRouter } from './tenancy/platform.router.js';
import { tenancyServices } from './tenancy/tenancy-services.js';

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
    [can.institutionRead]: { description: 'View the institution', roles: STAFF_ROLES },
    [can.institutionManage]: { description: 'Change the institution settings', roles: ADMIN },
    [can.libraryRead]: { description: 'View the libraries', roles: STAFF_ROLES },
    [can.libraryManage]: { description: 'Add libraries', roles: ADMIN },
    [can.moduleRead]: { description: 'View modules and their configuration', roles: ADMIN },
    [can.moduleManage]: { description: 'Enable, disable and configure modules', roles: ADMIN },
    [can.jobRead]: { description: 'View jobs, their progress and reports', roles: [...ADMIN, 'USER_MANAGER', 'USER_ADMINISTRATOR'] },
  },
  router: platformRouter,
  register(env) {
    env.declareExtensionPoint(jobDefinitions);
    env.provideService(jobServices.jobs, {
      deps: { prisma: coreServices.prisma, definitions: jobDefinitions, logger: coreServices.logger, services: coreServices.container },
      factory: createJobService,
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
