import { tmpdir } from 'node:os';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformPlugin } from '../platform.plugin.js';
import { startKernel } from '../plugin/kernel.js';
import { authPlugin } from './auth.plugin.js';
import { startTestApi, type TestApi } from '../testing/start-test-api.js';
import type { HttpExchange } from '../trpc/request-context.js';
import { fieldErrorsOf } from '../trpc/trpc.js';
import { authServices } from './auth-services.js';
import { sha256 } from './credential.service.js';
import { totpCode } from './totp.js';
import { permissionsOfRoles } from './role-permissions.js';
import { type FakePerson, fakeIdentityPlugin, fakePerson } from '../testing/fake-identity.plugin.js';

/** A browser's cookie jar for one client. */
function browser(ip = '192.0.2.10') {
  const jar: { token?: string } = {};
  const http: HttpExchange = {
    ip,
    userAgent: 'vitest',
    get sessionToken() {
      return jar.token;
    },
    setSessionCookie: (token) => {
      jar.token = token;
    },
    clearSessionCookie: () => {
      delete jar.token;
    },
  };
  return { jar, http };
}

describe('staff sign-in', () => {
  const people: FakePerson[] = [];
  const identity = fakeIdentityPlugin(people);
  let api: TestApi<[typeof identity]>;
  const PASSWORD = 'correct horse battery';
  let code: string;
  let otp: FakePerson;

  /** A person of the test institution with PASSWORD (none for external authentication). */
  const addPerson = async (
    input: Parameters<typeof fakePerson>[0] & { mustChangePassword?: boolean },
  ): Promise<FakePerson> => {
    const person = fakePerson(input);
    people.push(person);
    if (person.authentication === 'local') {
      await api.kernel.services
        .get(authServices.credentials)
        .setPassword({ ...person, institutionId: api.institution.id }, PASSWORD, {
          mustChange: input.mustChangePassword ?? false,
        });
    }
    return person;
  };

  beforeAll(async () => {
    api = await startTestApi({ plugins: [identity] });
    code = api.institution.code;
    await addPerson({ loginName: 'Admin', displayName: 'Ada Admin', roles: ['GENERAL_SYSTEM_ADMINISTRATOR'] });
    await addPerson({ loginName: 'patron', displayName: 'Pat', roles: ['PATRON'] });
    await addPerson({ loginName: 'newbie', displayName: 'New', roles: ['USER_MANAGER'], mustChangePassword: true });
    await addPerson({ loginName: 'mfa' });
    otp = await addPerson({ loginName: 'otp' });
  });
  afterAll(() => api.close());

  /** A caller acting with whatever session the browser's cookie holds. */
  const as = async (b: ReturnType<typeof browser>) => {
    const principal = b.jar.token
      ? await api.kernel.services.get(authServices.sessions).principalOf(b.jar.token)
      : null;
    return api.router.createCaller({ services: api.kernel.services, principal, requestId: 'test', http: b.http });
  };
  const signIn = async (b: ReturnType<typeof browser>, username: string, password = PASSWORD) =>
    (await as(b)).auth.signIn({ institution: code, username, password });

  it('signs in case-insensitively, sets the cookie and tells who is signed in', async () => {
    const b = browser();
    expect(await signIn(b, 'admin')).toEqual({ status: 'signedIn' });
    expect(b.jar.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const info = await (await as(b)).auth.session();
    expect(info).toMatchObject({
      account: { username: 'Admin', displayName: 'Ada Admin' },
      institution: { code },
      roles: [{ role: 'General System Administrator', library: null }],
      mustChangePassword: false,
    });
    expect(info?.permissions).toContain('platform.module.manage');
    expect(info?.modules.map((m) => m.id)).toEqual(['platform', 'auth', 'fake-identity']);
  });

  it('stores only a hash of the session token', async () => {
    const b = browser();
    await signIn(b, 'admin');
    const rows = await api.database.prisma.staffSession.findMany({ where: { tokenHash: b.jar.token ?? '' } });
    expect(rows).toEqual([]);
    expect(await api.database.prisma.staffSession.count({ where: { tokenHash: sha256(b.jar.token ?? '') } })).toBe(1);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const b = browser('192.0.2.20');
    const wrong = await signIn(b, 'admin', 'not the password').catch((e) => e);
    const unknown = await signIn(b, 'nobody', 'not the password').catch((e) => e);
    expect(wrong).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'sign-in failed: check the institution, username and password',
    });
    expect(unknown).toMatchObject({ code: wrong.code, message: wrong.message });
    expect(b.jar.token).toBeUndefined();
  });

  it('blocks an account after five failures, even with the right password, and unknown ones alike', async () => {
    const b = browser('192.0.2.30');
    for (const username of ['mfa', 'ghost']) {
      for (let i = 0; i < 5; i += 1) await signIn(b, username, 'wrong wrong wrong').catch(() => undefined);
    }
    await expect(signIn(b, 'mfa')).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/try again in 1[45] minutes/),
    });
    await expect(signIn(b, 'ghost')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('keeps the block across a restart and for every server process (the failures are in the database)', async () => {
    await addPerson({ loginName: 'restarted', roles: ['USER_MANAGER'] });
    const b = browser('192.0.2.35');
    for (let i = 0; i < 5; i += 1) await signIn(b, 'restarted', 'wrong wrong wrong').catch(() => undefined);
    // Another process on the same database: a kernel of its own, with nothing in memory from this one.
    const other = startKernel({
      plugins: [platformPlugin, authPlugin, identity],
      database: api.database,
      logger: pino({ level: 'silent' }),
      dataDir: tmpdir(),
    });
    const attempt = other.services
      .get(authServices.sessions)
      .signIn(
        { institution: code, username: 'restarted', password: PASSWORD },
        { ip: '192.0.2.36', userAgent: 'vitest' },
      );
    await expect(attempt).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('blocks an address that fails too often across accounts', async () => {
    const b = browser('192.0.2.40');
    for (let i = 0; i < 30; i += 1) await signIn(b, `user${i}`, 'wrong wrong wrong').catch(() => undefined);
    await expect(signIn(b, 'admin')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(await signIn(browser('192.0.2.41'), 'admin')).toEqual({ status: 'signedIn' });
  });

  it('refuses staff access to an account that holds only the Patron role', async () => {
    await expect(signIn(browser(), 'patron')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'this account has no staff access',
    });
  });

  it('ends the session on the server at sign-out', async () => {
    const b = browser();
    await signIn(b, 'admin');
    const token = b.jar.token ?? '';
    await (await as(b)).auth.signOut();
    expect(b.jar.token).toBeUndefined();
    expect(await api.kernel.services.get(authServices.sessions).principalOf(token)).toBeNull();
  });

  it('ends a session after the idle time and after the absolute time', async () => {
    const sessions = api.kernel.services.get(authServices.sessions);
    const idle = browser();
    await signIn(idle, 'admin');
    await api.database.prisma.staffSession.update({
      where: { tokenHash: sha256(idle.jar.token ?? '') },
      data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    });
    expect(await sessions.principalOf(idle.jar.token ?? '')).toBeNull();

    const old = browser();
    await signIn(old, 'admin');
    await api.database.prisma.staffSession.update({
      where: { tokenHash: sha256(old.jar.token ?? '') },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await sessions.principalOf(old.jar.token ?? '')).toBeNull();
    await expect((await as(old)).platform.modules.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lets a forced password change do nothing else until the password is changed', async () => {
    const b = browser();
    expect(await signIn(b, 'newbie')).toEqual({ status: 'passwordChangeRequired' });
    await expect((await as(b)).platform.institution.get()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'change your password before anything else',
    });
    const policy = await (await as(b)).auth
      .changePassword({ currentPassword: PASSWORD, newPassword: 'NEWBIE' })
      .catch((e) => e);
    expect(fieldErrorsOf(policy)).toEqual([
      { field: 'newPassword', message: 'must be at least 10 characters' },
      { field: 'newPassword', message: 'must not be the same as the username' },
    ]);
    const wrong = await (await as(b)).auth
      .changePassword({ currentPassword: 'nope', newPassword: 'a brand new secret' })
      .catch((e) => e);
    expect(fieldErrorsOf(wrong)).toEqual([{ field: 'currentPassword', message: 'is not your current password' }]);
    await (await as(b)).auth.changePassword({ currentPassword: PASSWORD, newPassword: 'a brand new secret' });
    expect(await (await as(b)).platform.institution.get()).toMatchObject({ code });
  });

  it('enrols TOTP, then asks for the code at sign-in and accepts a recovery code once', async () => {
    const credentials = api.kernel.services.get(authServices.credentials);
    const enrolment = await credentials.startMfaEnrolment({ ...otp, institutionId: api.institution.id });
    expect(enrolment.qrSvg).toContain('<svg');
    expect(enrolment.otpauthUrl).toContain(`secret=${enrolment.secret}`);
    await expect(credentials.confirmMfaEnrolment(otp.id, '000000')).rejects.toMatchObject({ code: 'VALIDATION' });
    const { recoveryCodes } = await credentials.confirmMfaEnrolment(otp.id, totpCode(enrolment.secret, new Date()));
    expect(recoveryCodes).toHaveLength(10);

    const c = browser('192.0.2.50');
    expect(await signIn(c, 'otp')).toEqual({ status: 'mfaRequired' });
    const pendingToken = c.jar.token ?? '';
    expect(await api.kernel.services.get(authServices.sessions).principalOf(pendingToken)).toBeNull();
    await expect((await as(c)).auth.verifyMfa({ code: '123456' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await (await as(c)).auth.verifyMfa({ code: totpCode(enrolment.secret, new Date()) })).toEqual({
      status: 'signedIn',
    });
    expect(c.jar.token).not.toBe(pendingToken);
    expect(await (await as(c)).auth.session()).toMatchObject({ mfaEnabled: true });

    const d = browser('192.0.2.51');
    await signIn(d, 'otp');
    expect(await (await as(d)).auth.verifyMfa({ code: recoveryCodes[0] ?? '' })).toEqual({ status: 'signedIn' });
    const e = browser('192.0.2.52');
    await signIn(e, 'otp');
    await expect((await as(e)).auth.verifyMfa({ code: recoveryCodes[0] ?? '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('ends a live session at once when the person may no longer sign in, and follows role changes', async () => {
    const sessions = api.kernel.services.get(authServices.sessions);
    const person = await addPerson({ loginName: 'leaver', roles: ['USER_MANAGER', 'USER_ADMINISTRATOR'] });
    const b = browser('192.0.2.65');
    await signIn(b, 'leaver');
    const token = b.jar.token ?? '';
    expect((await sessions.principalOf(token))?.permissions).toEqual(
      permissionsOfRoles(['USER_MANAGER', 'USER_ADMINISTRATOR'], api.kernel.permissions),
    );

    person.roles = [{ role: 'USER_MANAGER', libraryId: null }];
    const narrowed = await sessions.principalOf(token);
    expect(narrowed?.permissions).toEqual(permissionsOfRoles(['USER_MANAGER'], api.kernel.permissions));

    person.roles = [{ role: 'PATRON', libraryId: null }];
    expect(await sessions.principalOf(token)).toBeNull();
    person.roles = [{ role: 'USER_MANAGER', libraryId: null }];
    expect(await sessions.principalOf(token)).not.toBeNull();

    person.maySignIn = false;
    expect(await sessions.principalOf(token)).toBeNull();
    expect(await api.database.prisma.staffSession.count({ where: { tokenHash: sha256(token) } })).toBe(0);
    await expect(signIn(browser('192.0.2.66'), 'leaver')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses the password form to people who sign in through the institution (external authentication)', async () => {
    await addPerson({ loginName: 'outsider', roles: ['USER_MANAGER'], authentication: 'external' });
    await expect(signIn(browser('192.0.2.67'), 'outsider', 'any password at all')).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('signs no one in with a password where no module keeps people (API keys still work)', async () => {
    const bare = await startTestApi({ plugins: [] });
    try {
      const caller = bare.anonymousCaller(browser('192.0.2.68').http);
      await expect(
        caller.auth.signIn({ institution: bare.institution.code, username: 'admin', password: PASSWORD }),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      const { key } = await bare.caller.auth.apiKeys.create({ name: 'k', role: 'USER_MANAGER' });
      expect(await bare.kernel.services.get(authServices.apiKeys).principalOf(key)).toMatchObject({ kind: 'apiKey' });
    } finally {
      await bare.close();
    }
  });

  it('limits a library-scoped role to that library', async () => {
    const law = await api.database.prisma.library.create({
      data: { institutionId: api.institution.id, code: 'LAW', name: 'Law' },
    });
    const { id } = await addPerson({
      loginName: 'lawdesk',
      roles: [{ role: 'CIRCULATION_DESK_OPERATOR', libraryId: law.id }],
    });
    const b = browser('192.0.2.70');
    await signIn(b, 'lawdesk');
    const principal = await api.kernel.services.get(authServices.sessions).principalOf(b.jar.token ?? '');
    expect(principal?.id).toBe(id);
    expect(principal?.libraryScope).toEqual({ all: false, libraryIds: new Set([law.id]) });
  });
});

describe('API keys', () => {
  let api: TestApi<[]>;
  beforeAll(async () => {
    api = await startTestApi({ plugins: [] });
  });
  afterAll(() => api.close());

  it('are shown once, stored hashed, authenticate, record their use and can be revoked', async () => {
    const created = await api.caller.auth.apiKeys.create({ name: 'SIS', role: 'GENERAL_SYSTEM_ADMINISTRATOR' });
    expect(created.key.startsWith(`ulms_${created.prefix}_`)).toBe(true);
    const stored = await api.database.prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(stored)).not.toContain(created.key);
    const listed = await api.caller.auth.apiKeys.list();
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.key);

    const keys = api.kernel.services.get(authServices.apiKeys);
    const principal = await keys.principalOf(created.key);
    expect(principal).toMatchObject({ kind: 'apiKey', institutionId: api.institution.id });
    expect(principal?.permissions.has('platform.module.manage')).toBe(true);
    expect((await api.caller.auth.apiKeys.list())[0]?.lastUsedAt).toBeInstanceOf(Date);

    await api.caller.auth.apiKeys.revoke({ id: created.id });
    expect(await keys.principalOf(created.key)).toBeNull();
    expect(await keys.principalOf('ulms_00000000_guess')).toBeNull();
  });

  it('cannot grant what the creator does not hold, nor unknown permissions', async () => {
    const limited = api.callerFor({ permissions: new Set(['auth.apikey.manage']) });
    const error = await limited.auth.apiKeys
      .create({ name: 'x', permissions: ['platform.module.manage'] })
      .catch((e) => e);
    expect(fieldErrorsOf(error)).toEqual([
      { field: 'permissions', message: 'you cannot grant permissions you do not hold: platform.module.manage' },
    ]);
    const unknown = await api.caller.auth.apiKeys.create({ name: 'x', permissions: ['made.up.thing'] }).catch((e) => e);
    expect(fieldErrorsOf(unknown)).toEqual([{ field: 'permissions.0', message: 'unknown permission "made.up.thing"' }]);
  });

  it('of one institution are invisible to another', async () => {
    await api.caller.auth.apiKeys.create({ name: 'mine', permissions: ['platform.module.read'] });
    const other = await api.createInstitution();
    const theirs = api.callerFor({ institutionId: other.id, permissions: new Set(['auth.apikey.manage']) });
    expect(await theirs.auth.apiKeys.list()).toEqual([]);
    const [mine] = await api.caller.auth.apiKeys.list();
    await expect(theirs.auth.apiKeys.revoke({ id: mine?.id ?? '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
