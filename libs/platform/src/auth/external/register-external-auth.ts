import { coreServices, pluginConfigRef } from '../../plugin/core-services.js';
import type { PluginRegistrationEnv } from '../../plugin/plugin-definition.js';
import type { AuthConfig } from './external-auth-config.schema.js';
import { externalAuthServices } from './external-auth-services.js';
import { createLdapDirectory } from './ldap-directory.js';
import { createOidcSignIn } from './oidc-sign-in.service.js';

/** Provides the LDAP directory and the OpenID Connect sign-in; called from the auth plugin's `register`. */
export function registerExternalAuth(env: PluginRegistrationEnv): void {
  const deps = {
    config: pluginConfigRef<AuthConfig>(),
    extensions: coreServices.extensions,
    logger: coreServices.logger,
  };
  env.provideService(externalAuthServices.ldap, {
    deps,
    factory: ({ config, extensions, logger }) =>
      createLdapDirectory({ configOf: async (id) => (await config.for(id)).ldap, extensions, logger }),
  });
  env.provideService(externalAuthServices.oidc, {
    deps,
    factory: ({ config, extensions, logger }) =>
      createOidcSignIn({ configOf: async (id) => (await config.for(id)).oidc, extensions, logger }),
  });
}
