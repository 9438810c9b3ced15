import { platformPermissions } from './contracts/platform-permissions.js';
import { coreServices } from './plugin/core-services.js';
import { definePlugin } from './plugin/plugin-definition.js';
import { createInstitutionService } from './tenancy/institution.service.js';
import { createModuleService } from './tenancy/module.service.js';
import { platformRouter } from './tenancy/platform.router.js';
import { tenancyServices } from './tenancy/tenancy-services.js';

/** The kernel as a plugin: tenancy services and the institution administration procedures. */
export const platformPlugin = definePlugin({
  id: 'platform',
  title: 'Platform',
  core: true,
  permissions: {
    [platformPermissions.institutionRead]: 'View the institution',
    [platformPermissions.institutionManage]: 'Change the institution settings',
    [platformPermissions.libraryRead]: 'View the libraries',
    [platformPermissions.libraryManage]: 'Add libraries',
    [platformPermissions.moduleRead]: 'View modules and their configuration',
    [platformPermissions.moduleManage]: 'Enable, disable and configure modules',
  },
  router: platformRouter,
  register(env) {
    env.provideService(tenancyServices.institutions, {
      deps: { prisma: coreServices.prisma },
      factory: createInstitutionService,
    });
    env.provideService(tenancyServices.modules, {
      deps: { prisma: coreServices.prisma, plugins: coreServices.plugins },
      factory: createModuleService,
    });
  },
});
