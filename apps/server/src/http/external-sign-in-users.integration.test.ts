import { coreServices, tenancyServices } from '@ulms/platform';
import { usersServices } from '@ulms/users/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LdapLoopbackServer, startLdapLoopbackServer } from '../testing/ldap-loopback-server.js';
import { signInThroughProvider } from '../testing/oidc-browser-sign-in.js';
import { type OidcLoopbackProvider, startOidcLoopbackProvider } from '../testing/oidc-loopback-provider.js';
import { startTestServer, type TestServer } from './test-server.js';

const SECRET_ENV = 'ULMS_TEST_USERS_OIDC_CLIENT_SECRET';
const LDAP_PASSWORD_ENV = 'ULMS_TEST_USERS_LDAP_BIND_PASSWORD';
const SERVICE_DN = 'cn=ulms,dc=uni,dc=example';

describe('external sign-in of a user record kept by the users module', () => {
  let server: TestServer;
  let provider: OidcLoopbackProvider;
  let directory: LdapLoopbackServer;
  let adaId: string;

  beforeAll(async () => {
    process.env[SECRET_ENV] = 'users loopback client secret';
    process.env[LDAP_PASSWORD_ENV] = 'users service password';
    directory = await startLdapLoopbackServer({
      base: 'dc=uni,dc=example',
      entries: [
        { dn: SERVICE_DN, password: 'users service password', attributes: { cn: 'ulms' } },
        {
          dn: 'uid=ada,ou=people,dc=uni,dc=example',
          password: 'ada directory password',
          attributes: { objectClass: 'person', uid: 'ada', employeeNumber: 'ext-ada' },
        },
      ],
    });
    server = await startTestServer();
    provider = await startOidcLoopbackProvider({
      clientId: 'ulms-users',
      clientSecret: 'users loopback client secret',
      redirectUri: `${server.url}/auth/oidc/callback`,
      accounts: { 'ext-ada': { preferred_username: 'ext-ada' }, admin: { preferred_username: 'admin' } },
    });
    const { institution } = server.first;
    await server.kernel.services.get(tenancyServices.modules).configure(institution.id, 'auth', {
      oidc: {
        issuer: provider.issuer,
        clientId: 'ulms-users',
        clientSecretEnv: SECRET_ENV,
        displayName: 'University login',
        claim: 'sub',
        identifierType: 'PRIMARY',
      },
      ldap: {
        url: directory.url,
        bindDn: SERVICE_DN,
        bindPasswordEnv: LDAP_PASSWORD_ENV,
        searchBase: 'ou=people,dc=uni,dc=example',
        attribute: 'employeeNumber',
        identifierType: 'PRIMARY',
      },
    });
    const created = await server.kernel.services.get(usersServices.users).create(
      { institutionId: institution.id, actor: 'test', actorKind: 'system' },
      {
        recordType: 'STAFF',
        accountType: 'INTERNAL_WITH_EXTERNAL_AUTH',
        primaryId: 'ext-ada',
        firstName: 'Ada',
        lastName: 'External',
        userGroup: 'STAFF',
        roles: [{ role: 'USER_MANAGER', scope: null, expiryDate: null }],
        confirmDuplicate: true,
      },
    );
    if (created.status !== 'saved') throw new Error('the external user was not saved');
    adaId = created.user.id;
  });
  afterAll(async () => {
    await provider.close();
    await directory.close();
    await server.close();
  });

  it('signs in a user whose account type is internal with external authentication', async () => {
    const { landing, cookie } = await signInThroughProvider({
      appUrl: server.url,
      institutionCode: server.first.institution.code,
      login: 'ext-ada',
    });
    expect(landing).toBe('/');
    const session = await fetch(`${server.url}/trpc/auth.session`, { headers: { cookie: cookie ?? '' } });
    expect(JSON.stringify(await session.json())).toContain('Ada External');
  });

  it('refuses the local administrator, whose password is the kernel’s', async () => {
    const { landing, cookie } = await signInThroughProvider({
      appUrl: server.url,
      institutionCode: server.first.institution.code,
      login: 'admin',
    });
    expect(landing).toBe('/sign-in?external=failed');
    expect(cookie).toBeNull();
  });

  it('signs the same user in on the password form with the directory’s password, never storing it', async () => {
    const signIn = (password: string) =>
      fetch(`${server.url}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: { institution: server.first.institution.code, username: 'ada', password } }),
      });
    const right = await signIn('ada directory password');
    expect(right.status).toBe(200);
    const cookie =
      right.headers
        .getSetCookie()
        .find((c) => c.startsWith('ulms_session='))
        ?.split(';')[0] ?? '';
    const session = await fetch(`${server.url}/trpc/auth.session`, { headers: { cookie } });
    expect(JSON.stringify(await session.json())).toContain('Ada External');
    const credential = await server.kernel.services
      .get(coreServices.prisma)
      .credential.findUnique({ where: { id: adaId }, select: { passwordHash: true } });
    expect(credential?.passwordHash ?? null).toBeNull();
    expect((await signIn('not the password')).status).toBe(401);
    expect((await signIn('')).status).not.toBe(200);
  });
});
