import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The name of an environment variable: how a secret is given without storing it in the database. */
const envVarName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable, such as ULMS_AUTH_SECRET');

/** The users' identifier type a claim or attribute is matched against, or `PRIMARY` for the primary identifier. */
const identifierType = z
  .string()
  .trim()
  .min(1, 'name an identifier type (such as UNIV_ID) or PRIMARY for the primary identifier')
  .max(100)
  .meta({
    title: 'Identifier type',
    description:
      "The users' identifier type it is matched against (such as UNIV_ID), or PRIMARY for the primary identifier.",
  });

/** Whether an address may be used over plain HTTP: only a server on this machine (tests, a local proxy). */
export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/** The institution's OpenID Connect provider. */
export const oidcConfigSchema = z
  .object({
    issuer: z
      .url({ message: "must be the provider's issuer URL, such as https://login.example.org" })
      .refine((url) => {
        const issuer = new URL(url);
        return issuer.protocol === 'https:' || (issuer.protocol === 'http:' && isLoopbackUrl(issuer));
      }, 'must use https:// (http:// only on this machine)')
      .meta({ title: 'Issuer', description: "The provider's issuer URL; its discovery document is read from it." }),
    clientId: z
      .string()
      .trim()
      .min(1, 'give the client id this server is registered with')
      .meta({ title: 'Client ID', description: 'The client id this server is registered with at the provider.' }),
    clientSecretEnv: envVarName.meta({
      title: 'Client secret variable',
      description: 'The environment variable holding the client secret: no secret is kept in the database.',
    }),
    clientSecret: z
      .never({
        message: 'is not kept in the database: put it in an environment variable and name it in clientSecretEnv',
      })
      .optional(),
    displayName: z
      .string()
      .trim()
      .min(1, 'give the name on the button, such as "University login"')
      .max(100)
      .meta({ title: 'Display name', description: 'Shown on the sign-in page as "Sign in with …".' }),
    claim: z.string().trim().min(1).default('sub').meta({
      title: 'Claim',
      description: 'The claim matched against the identifier type: sub, email, preferred_username…',
    }),
    identifierType,
    scopes: z
      .array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'a scope has no spaces or quotes'))
      .default(['openid', 'email', 'profile'])
      .meta({ title: 'Scopes', description: 'The scopes asked of the provider; openid is needed.' }),
  })
  .superRefine((config, ctx) => {
    if (!config.scopes.includes('openid')) {
      ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'must include "openid"' });
    }
  });

/** The institution's LDAP directory, checked with a password typed on the sign-in form. */
export const ldapConfigSchema = z
  .object({
    url: z
      .string()
      .trim()
      .meta({ title: 'Directory URL', description: 'ldap:// or ldaps:// address of the directory.' }),
    bindDn: z
      .string()
      .trim()
      .min(1, 'give the DN of the service account that searches the directory')
      .meta({ title: 'Bind DN', description: 'The DN of the service account that searches the directory.' }),
    bindPasswordEnv: envVarName.meta({
      title: 'Bind password variable',
      description: "The environment variable holding the service account's password.",
    }),
    searchBase: z
      .string()
      .trim()
      .min(1, 'give the DN under which people are searched')
      .meta({ title: 'Search base', description: 'The DN under which people are searched.' }),
    searchFilter: z.string().trim().default('(uid={{login}})').meta({
      title: 'Search filter',
      description: 'The search filter; {{login}} is replaced by the typed login, escaped.',
    }),
    attribute: z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'must be an attribute name, such as uid or employeeNumber')
      .meta({ title: 'Attribute', description: 'The attribute of the entry matched against the identifier type.' }),
    identifierType,
  })
  .superRefine((config, ctx) => {
    const url = URL.canParse(config.url) ? new URL(config.url) : null;
    if (!url || (url.protocol !== 'ldap:' && url.protocol !== 'ldaps:')) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'must be an ldap:// or ldaps:// address' });
    }
    if (!config.searchFilter.includes('{{login}}')) {
      ctx.addIssue({
        code: 'custom',
        path: ['searchFilter'],
        message: 'must contain {{login}}, such as (uid={{login}})',
      });
    }
    if (!/^\(.*\)$/s.test(config.searchFilter)) {
      ctx.addIssue({ code: 'custom', path: ['searchFilter'], message: 'must be an LDAP filter in parentheses' });
    }
  });

/** The auth plugin's per-institution configuration: external authentication, both parts optional. */
export const authConfigSchema = z.object({
  oidc: oidcConfigSchema
    .meta({ title: 'OpenID Connect', description: "Staff sign in at the institution's OpenID Connect provider." })
    .optional(),
  ldap: ldapConfigSchema
    .meta({ title: 'LDAP', description: 'Staff sign in on the password form with their directory password.' })
    .optional(),
});

export type OidcConfig = z.output<typeof oidcConfigSchema>;
export type LdapConfig = z.output<typeof ldapConfigSchema>;
export type AuthConfig = z.output<typeof authConfigSchema>;
