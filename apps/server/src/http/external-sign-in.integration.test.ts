import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  authPlugin,
  externalAuthServices,
  type InstitutionRef,
  type Kernel,
  migrationsDir,
  platformPlugin,
  readMigrations,
  startKernel,
  tenancyServices,
} from '@ulms/platform';
import { fakeIdentityPlugin, fakePerson, openTestDatabase } from '@ulms/platform/testing';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../app-router.js';
import { type LdapLoopbackServer, startLdapLoopbackServer } from '../testing/ldap-loopback-server.js';
import { signInThroughProvider } from '../testing/oidc-browser-sign-in.js';
import { type OidcLoopbackProvider, startOidcLoopbackProvider } from '../testing/oidc-loopback-provider.js';
import { buildServer, SESSION_COOKIE } from './build-server.js';

const OIDC_SECRET_ENV = 'ULMS_TEST_OIDC_CLIENT_SECRET';
const LDAP_PASSWORD_ENV = 'ULMS_TEST_LDAP_BIND_PASSWORD';
const BASE = 'dc=uni,dc=example';
const PEOPLE = `ou=people,${BASE}`;
const SERVICE_DN = `cn=ulms,ou=services,${BASE}`;

// The records the kernel's sign-in resolves, as the users module will keep them.
const ada = fakePerson({
  displayName: 'Ada External',
  loginName: 'ada',
  maySignIn: true,
  authentication: 'external',
  identifiers: { UNIV_ID: 'ada@uni.example', EMPLOYEE: 'E100' },
});
const lou = fakePerson({
  displayName: 'Lou Local',
  loginName: 'lou',
  maySignIn: true,
  authentication: 'local',
  identifiers: { UNIV_ID: 'lou@uni.example', EMPLOYEE: 'E200' },
});
const gil = fakePerson({
  displayName: 'Gil Inactive',
  loginName: 'gil',
  maySignIn: false,
  authentication: 'external',
  identifiers: { UNIV_ID: 'gil@uni.example', EMPLOYEE: 'E300' },
});

const person = (uid: string, password: string, employeeNumber: string) => ({
  dn: `uid=${uid},${PEOPLE}`,
  password,
  attributes: { objectClass: 'person', uid, employeeNumber },
});

describe('external sign-in against loopback OpenID Connect and LDAP servers', () => {
  let kernel: Kernel;
  let server: FastifyInstance;
  let url: string;
  let provider: OidcLoopbackProvider;
  let directory: LdapLoopbackServer;
  let institution: InstitutionRef;
  let close: () => Promise<void>;

  beforeAll(async () => {
    process.env[OIDC_SECRET_ENV] = 'loopback client secret';
    process.env[LDAP_PASSWORD_ENV] = 'service account password';
    const database = await openTestDatabase();
    kernel = startKernel({
      plugins: [platformPlugin, authPlugin, fakeIdentityPlugin([ada, lou, gil])],
      database,
      logger: pino({ level: 'silent' }),
      dataDir: await mkdtemp(join(tmpdir(), 'ulms-external-sign-in-')),
    });
    server = await buildServer({
      kernel,
      database,
      router: appRouter,
      migrations: await readMigrations(migrationsDir),
      logLevel: process.env['TEST_SERVER_LOG_LEVEL'] ?? 'silent',
    });
    url = await server.listen({ port: 0, host: '127.0.0.1' });
    provider = await startOidcLoopbackProvider({
      clientId: 'ulms',
      clientSecret: 'loopback client secret',
      redirectUri: `${url}/auth/oidc/callback`,
      accounts: {
        'ada-at-idp': { email: 'ada@uni.example' },
        'lou-at-idp': { email: 'lou@uni.example' },
        'gil-at-idp': { email: 'gil@uni.example' },
        stranger: { email: 'stranger@elsewhere.example' },
      },
    });
    directory = await startLdapLoopbackServer({
      base: BASE,
      entries: [
        { dn: SERVICE_DN, password: 'service account password', attributes: { objectClass: 'account', cn: 'ulms' } },
        person('ada', 'ada directory password', 'E100'),
        person('lou', 'lou directory password', 'E200'),
        person('stranger', 'stranger directory password', 'E999'),
      ],
    });
    institution = await kernel.services
      .get(tenancyServices.institutions)
      .create({ code: `EXT_${Math.random().toString(36).slice(2, 8)}`, name: 'External sign-in' });
    await kernel.services.get(tenancyServices.modules).configure(institution.id, 'auth', {
      oidc: {
        issuer: provider.issuer,
        clientId: 'ulms',
        clientSecretEnv: OIDC_SECRET_ENV,
        displayName: 'University login',
        claim: 'email',
        identifierType: 'UNIV_ID',
      },
      ldap: {
        url: directory.url,
        bindDn: SERVICE_DN,
        bindPasswordEnv: LDAP_PASSWORD_ENV,
        searchBase: PEOPLE,
        searchFilter: '(&(objectClass=person)(uid={{login}}))',
        attribute: 'employeeNumber',
        identifierType: 'EMPLOYEE',
      },
    });
    close = async () => {
      await server.close();
      await provider.close();
      await directory.close();
      await database.close();
    };
  });
  afterAll(() => close());

  const signInAtProvider = (login: string) =>
    signInThroughProvider({ appUrl: url, institutionCode: institution.code, login });

  const query = async (path: string, cookie: string | null, input?: unknown) => {
    const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const response = await fetch(`${url}/trpc/${path}${search}`, { headers: cookie ? { cookie } : {} });
    return { status: response.status, body: (await response.json()) as { result?: { data: { json: unknown } } } };
  };

  describe('OpenID Connect', () => {
    it('offers the provider on the sign-in page of the institution that has one', async () => {
      const options = await query('auth.signInOptions', null, { institution: institution.code.toLowerCase() });
      expect(options.body.result?.data.json).toEqual({
        password: true,
        oidc: { displayName: 'University login', startUrl: `/auth/oidc/${institution.code}/start` },
      });
      const other = await kernel.services
        .get(tenancyServices.institutions)
        .create({ code: `PLAIN_${Math.random().toString(36).slice(2, 8)}`, name: 'Passwords only' });
      expect((await query('auth.signInOptions', null, { institution: other.code })).body.result?.data.json).toEqual({
        password: true,
        oidc: null,
      });
      expect(
        (await query('auth.signInOptions', null, { institution: 'NO_SUCH_PLACE' })).body.result?.data.json,
      ).toEqual({
        password: true,
        oidc: null,
      });
    });

    it('signs in end to end: provider login, callback, a session cookie that works for an authenticated call', async () => {
      const { landing, cookie } = await signInAtProvider('ada-at-idp');
      expect(landing).toBe('/');
      expect(cookie).not.toBeNull();
      const session = await query('auth.session', cookie);
      expect(JSON.stringify(session.body.result?.data.json)).toContain('Ada External');
      expect((await query('platform.modules.list', cookie)).status).toBe(200);
      expect((await query('platform.modules.list', null)).status).toBe(401);
    });

    it('refuses an identity that matches no record', async () => {
      const { landing, cookie } = await signInAtProvider('stranger');
      expect(landing).toBe('/sign-in?external=failed');
      expect(cookie).toBeNull();
    });

    it('refuses a record whose authentication is local, and one that may not sign in', async () => {
      for (const login of ['lou-at-idp', 'gil-at-idp']) {
        const { landing, cookie } = await signInAtProvider(login);
        expect(landing).toBe('/sign-in?external=failed');
        expect(cookie).toBeNull();
      }
    });

    it('refuses a callback that no start of this browser began', async () => {
      const response = await fetch(`${url}/auth/oidc/callback?code=forged&state=forged`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/sign-in?external=failed');
      expect(response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
    });
  });

  describe('LDAP', () => {
    const authenticate = (login: string, password: string) =>
      kernel.services.get(externalAuthServices.ldap).authenticate(institution.id, login, password);

    it('gives the record the entry names when the directory accepts the password', async () => {
      expect(await authenticate('ada', 'ada directory password')).toMatchObject({
        id: ada.id,
        authentication: 'external',
      });
    });

    it('refuses a wrong password, an empty one (an anonymous bind) and an unknown login', async () => {
      expect(await authenticate('ada', 'not the password')).toBeNull();
      const bindsBefore = directory.binds();
      expect(await authenticate('ada', '')).toBeNull();
      expect(directory.binds()).toBe(bindsBefore); // refused before the directory is asked
      expect(await authenticate('nobody', 'ada directory password')).toBeNull();
    });

    it('treats the login as a value, never as filter syntax', async () => {
      expect(await authenticate('*', 'ada directory password')).toBeNull();
      expect(await authenticate('ada)(uid=*', 'ada directory password')).toBeNull();
    });

    it('refuses an entry matching no record, and a record whose authentication is local', async () => {
      expect(await authenticate('stranger', 'stranger directory password')).toBeNull();
      expect(await authenticate('lou', 'lou directory password')).toBeNull();
    });

    it('refuses when the directory cannot be reached', async () => {
      const unreachable = await kernel.services
        .get(tenancyServices.institutions)
        .create({ code: `DOWN_${Math.random().toString(36).slice(2, 8)}`, name: 'Directory down' });
      await kernel.services.get(tenancyServices.modules).configure(unreachable.id, 'auth', {
        ldap: {
          url: 'ldap://127.0.0.1:1',
          bindDn: SERVICE_DN,
          bindPasswordEnv: LDAP_PASSWORD_ENV,
          searchBase: PEOPLE,
          attribute: 'employeeNumber',
          identifierType: 'EMPLOYEE',
        },
      });
      await expect(
        kernel.services.get(externalAuthServices.ldap).authenticate(unreachable.id, 'ada', 'ada directory password'),
      ).resolves.toBeNull();
    });
  });

  it('refuses a configuration with the fields at fault named', async () => {
    await expect(
      kernel.services.get(tenancyServices.modules).configure(institution.id, 'auth', {
        oidc: { issuer: 'http://idp.example.org', clientId: 'ulms', displayName: 'X', identifierType: 'UNIV_ID' },
        ldap: {
          url: 'https://x',
          bindDn: 'cn=x',
          bindPasswordEnv: 'not a name',
          searchBase: PEOPLE,
          searchFilter: '(uid=x)',
          attribute: 'uid',
          identifierType: 'EMPLOYEE',
        },
      }),
    ).rejects.toMatchObject({
      fieldErrors: expect.arrayContaining([
        expect.objectContaining({ field: 'config.oidc.issuer' }),
        expect.objectContaining({ field: 'config.oidc.clientSecretEnv' }),
        expect.objectContaining({ field: 'config.ldap.url' }),
        expect.objectContaining({ field: 'config.ldap.bindPasswordEnv' }),
        expect.objectContaining({ field: 'config.ldap.searchFilter' }),
      ]),
    });
  });
});
