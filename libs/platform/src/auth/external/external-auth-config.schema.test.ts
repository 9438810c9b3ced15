import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { authConfigSchema } from './external-auth-config.schema.js';
import { ldapFilterFor } from './ldap-directory.js';

const oidc = {
  issuer: 'https://login.uni.example',
  clientId: 'ulms',
  clientSecretEnv: 'ULMS_OIDC_SECRET',
  displayName: 'University login',
  identifierType: 'UNIV_ID',
};
const ldap = {
  url: 'ldaps://ldap.uni.example',
  bindDn: 'cn=ulms,dc=uni,dc=example',
  bindPasswordEnv: 'ULMS_LDAP_PASSWORD',
  searchBase: 'ou=people,dc=uni,dc=example',
  attribute: 'employeeNumber',
  identifierType: 'PRIMARY',
};
const errorsOf = (config: unknown) =>
  authConfigSchema.safeParse(config).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('the auth plugin configuration', () => {
  it('takes neither, either or both, filling the defaults', () => {
    expect(authConfigSchema.parse({})).toEqual({});
    expect(authConfigSchema.parse({ oidc, ldap })).toEqual({
      oidc: { ...oidc, claim: 'sub', scopes: ['openid', 'email', 'profile'] },
      ldap: { ...ldap, searchFilter: '(uid={{login}})' },
    });
  });

  it('names each field at fault', () => {
    expect(errorsOf({ oidc: { ...oidc, issuer: 'http://login.uni.example', scopes: ['email'] } })).toEqual([
      'oidc.issuer: must use https:// (http:// only on this machine)',
      'oidc.scopes: must include "openid"',
    ]);
    const { clientSecretEnv: _named, ...withoutSecretEnv } = oidc;
    expect(errorsOf({ oidc: { ...withoutSecretEnv, clientSecret: 'the secret itself' } })).toEqual([
      expect.stringMatching(/^oidc\.clientSecretEnv: /),
      'oidc.clientSecret: is not kept in the database: put it in an environment variable and name it in clientSecretEnv',
    ]);
    expect(errorsOf({ ldap: { ...ldap, url: 'https://x', searchFilter: 'uid=x', bindPasswordEnv: 'a b' } })).toEqual([
      'ldap.bindPasswordEnv: must be the name of an environment variable, such as ULMS_AUTH_SECRET',
      'ldap.url: must be an ldap:// or ldaps:// address',
      'ldap.searchFilter: must contain {{login}}, such as (uid={{login}})',
      'ldap.searchFilter: must be an LDAP filter in parentheses',
    ]);
  });

  it('allows plain HTTP for a provider on this machine only', () => {
    expect(errorsOf({ oidc: { ...oidc, issuer: 'http://127.0.0.1:4000' } })).toEqual([]);
  });

  it('has a JSON Schema for the Modules page', () => {
    expect(() => z.toJSONSchema(authConfigSchema, { io: 'input' })).not.toThrow();
  });
});

describe('the LDAP search filter', () => {
  it('escapes the login so it can only be a value', () => {
    expect(ldapFilterFor('(uid={{login}})', 'ada')).toBe('(uid=ada)');
    expect(ldapFilterFor('(uid={{login}})', '*')).toBe('(uid=\\2a)');
    expect(ldapFilterFor('(|(uid={{login}})(mail={{login}}))', 'a)(uid=*')).toBe(
      '(|(uid=a\\29\\28uid=\\2a)(mail=a\\29\\28uid=\\2a))',
    );
    expect(ldapFilterFor('(uid={{login}})', 'back\\slash\u0000')).toBe('(uid=back\\5cslash\\00)');
  });
});
