import { authExtensionPoints } from '../contracts/identity.js';
import { authPermissions as can } from '../contracts/platform-permissions.js';
import { coreServices } from '../plugin/core-services.js';
import { definePlugin } from '../plugin/plugin-definition.js';
import { tenancyServices } from '../tenancy/tenancy-services.js';
import { createApiKeyService } from './api-key.service.js';
import { authRouter } from './auth.router.js';
import { authServices } from './auth-services.js';
import { createSessionService } from './session.service.js';
import { createSignInThrottle } from './sign-in-throttle.js';
import { createCredentialService } from './credential.service.js';
import { authConfigSchema } from './external/external-auth-config.schema.js';
import { externalAuthServices } from './external/external-auth-services.js';
import { registerExternalAuth } from './external/register-external-auth.js';

const ADMIN = ['GENERAL_SYSTEM_ADMINISTRATOR'] as const;

/** Staff sign-in, sessions, multi-factor authentication, roles and API keys. */
export const authPlugin = definePlugin({
  id: 'auth',
  title: 'Sign-in and access',
  core: true,
  dependsOn: ['platform'],
  /** External authentication per institution: an OpenID Connect provider and/or an LDAP directory. */
  configSchema: authConfigSchema,
  permissions: {
    [can.apiKeyManage]: { description: 'Create, list and revoke API keys', roles: ADMIN },
    [can.roleRead]: { description: 'View roles and permissions', roles: ADMIN },
  },
  router: authRouter,
  register(env) {
    env.declareExtensionPoint(authExtensionPoints.principalResolver);
    env.declareExtensionPoint(authExtensionPoints.roleSource);
    env.provideService(authServices.credentials, {
      deps: { prisma: coreServices.prisma, database: coreServices.database },
      factory: createCredentialService,
    });
    env.provideService(authServices.sessions, {
      deps: {
        prisma: coreServices.prisma,
        institutions: tenancyServices.institutions,
        modules: tenancyServices.modules,
        extensions: coreServices.extensions,
        permissions: coreServices.permissions,
        directory: externalAuthServices.ldap,
      },
      factory: (deps) =>
        createSessionService({
          ...deps,
          accountThrottle: createSignInThrottle({
            prisma: deps.prisma,
            scope: 'account',
            maxFailures: 5,
            windowMs: 15 * 60_000,
          }),
          addressThrottle: createSignInThrottle({
            prisma: deps.prisma,
            scope: 'address',
            maxFailures: 30,
            windowMs: 15 * 60_000,
          }),
        }),
    });
    env.provideService(authServices.apiKeys, {
      deps: { prisma: coreServices.prisma, permissions: coreServices.permissions },
      factory: createApiKeyService,
    });
    registerExternalAuth(env);
  },
});
