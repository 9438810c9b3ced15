export {
  authConfigSchema,
  ldapConfigSchema,
  oidcConfigSchema,
  type AuthConfig,
  type LdapConfig,
  type OidcConfig,
} from './external-auth-config.schema.js';
export { externalAuthServices } from './external-auth-services.js';
export { createLdapDirectory, ldapFilterFor, type LdapDirectoryDeps } from './ldap-directory.js';
export {
  createOidcSignIn,
  type OidcSignIn,
  type OidcSignInDeps,
  type OidcSignInResult,
} from './oidc-sign-in.service.js';
export { OIDC_CALLBACK_PATH, registerOidcRoutes, type OidcRoutesOptions } from './oidc-routes.fastify.js';
export type { PasswordDirectory } from './password-directory.js';
export { registerExternalAuth } from './register-external-auth.js';
export { oidcStartPath, signInOptionsFor, signInOptionsInput, type SignInOptions } from './sign-in-options.js';
