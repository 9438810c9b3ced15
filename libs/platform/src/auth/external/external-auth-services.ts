import { createServiceRef } from '../../plugin/service-ref.js';
import type { OidcSignIn } from './oidc-sign-in.service.js';
import type { PasswordDirectory } from './password-directory.js';

/** External authentication, provided by the auth plugin from its per-institution configuration. */
export const externalAuthServices = {
  /** The institution's LDAP directory (`ldap` in the auth plugin's configuration). */
  ldap: createServiceRef<PasswordDirectory>({ id: 'auth.ldapDirectory' }),
  /** The institution's OpenID Connect provider (`oidc` in the auth plugin's configuration). */
  oidc: createServiceRef<OidcSignIn>({ id: 'auth.oidcSignIn' }),
};
