import { authServices, tenancyServices } from '@ulms/platform';
import { userDtoToFields, usersServices } from '@ulms/users/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../staff/create-staff-user.js';
import { SESSION_COOKIE } from './build-server.js';
import { startTestServer, type TestServer } from './test-server.js';

const PASSWORD = 'a long staff password';
const SYSTEM = (institutionId: string) => ({ institutionId, actor: 'test', actorKind: 'system' });

// Staff are users: the record's primary identifier (or a sign-in identifier) and password sign in, and the
// record's roles are what the session may do, over real HTTP with every installed module.
describe('staff sign-in as user records', () => {
  let server: TestServer;
  let institutionId: string;
  let code: string;

  const trpc = async (cookie: string, path: string, input?: unknown) => {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const response = await fetch(`${server.url}/trpc/${path}${query}`, { headers: { cookie } });
    const body = (await response.json()) as { result?: { data: { json: unknown } }; error?: { json: unknown } };
    return { status: response.status, data: body.result?.data.json, error: body.error?.json };
  };
  const signIn = async (username: string, password = PASSWORD) => {
    const response = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { institution: code, username, password } }),
    });
    const cookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
      ?.split(';')[0];
    return { status: response.status, cookie: cookie ?? '' };
  };
  const users = () => server.kernel.services.get(usersServices.users);

  beforeAll(async () => {
    server = await startTestServer();
    institutionId = server.first.institution.id;
    code = server.first.institution.code;
    const institutions = server.kernel.services.get(tenancyServices.institutions);
    await institutions.update(institutionId, { libraryIndependence: true });
    await institutions.createLibrary(institutionId, { code: 'LIB_A', name: 'Library A' });
    await institutions.createLibrary(institutionId, { code: 'LIB_B', name: 'Library B' });
    await server.kernel.services.get(usersServices.codeTables).save(institutionId, {
      table: 'IDENTIFIER_TYPE',
      code: 'BARCODE',
      description: 'Barcode',
      recordTypes: ['STAFF', 'PUBLIC'],
      active: true,
    });
  });
  afterAll(() => server.close());

  it('signs a staff record in with its primary identifier, and with an identifier of a sign-in type', async () => {
    const staff = await createStaffUser(server.kernel.services, {
      institutionId,
      primaryId: 'j.smith',
      firstName: 'Jo',
      lastName: 'Smith',
      password: PASSWORD,
      roles: [{ role: 'USER_MANAGER' }],
    });
    await users().update(SYSTEM(institutionId), {
      ...userDtoToFields(await users().get(institutionId, staff.id)),
      id: staff.id,
      identifiers: [{ idType: 'BARCODE', value: 'B-0001' }],
    });

    const byPrimary = await signIn('J.SMITH');
    expect(byPrimary.status).toBe(200);
    expect((await trpc(byPrimary.cookie, 'auth.session')).data).toMatchObject({
      account: { id: staff.id, username: 'j.smith', displayName: 'Jo Smith' },
      roles: [{ role: 'User Manager', library: null }],
    });

    expect((await signIn('b-0001')).status).toBe(401);
    const modules = server.kernel.services.get(tenancyServices.modules);
    const config = await modules.config<Record<string, unknown>>(institutionId, 'users');
    await modules.configure(institutionId, 'users', { ...config, signInIdentifierTypes: 'BARCODE' });
    const byBarcode = await signIn('b-0001');
    expect(byBarcode.status).toBe(200);
    expect((await trpc(byBarcode.cookie, 'auth.session')).data).toMatchObject({ account: { id: staff.id } });
  });

  it('limits a role scoped to library A to library A’s notes', async () => {
    await createStaffUser(server.kernel.services, {
      institutionId,
      primaryId: 'desk.a',
      firstName: 'Desk',
      lastName: 'A',
      password: PASSWORD,
      roles: [{ role: 'CIRCULATION_DESK_OPERATOR', scope: 'LIB_A' }],
    });
    const patron = await createStaffUser(server.kernel.services, {
      institutionId,
      primaryId: 'noted',
      firstName: 'Noted',
      lastName: 'Patron',
      password: PASSWORD,
      roles: [],
    });
    const parts = server.kernel.services.get(usersServices.parts);
    await parts.addNote(SYSTEM(institutionId), { userId: patron.id, text: 'note of A', ownerLibrary: 'LIB_A' });
    await parts.addNote(SYSTEM(institutionId), { userId: patron.id, text: 'note of B', ownerLibrary: 'LIB_B' });

    const { cookie } = await signIn('desk.a');
    const notes = await trpc(cookie, 'users.notes.list', { userId: patron.id });
    expect(notes.status).toBe(200);
    expect((notes.data as { text: string }[]).map((n) => n.text)).toEqual(['note of A']);
  });

  it('refuses an expired role, an inactive user and an expired user, and ends their live sessions', async () => {
    const staff = await createStaffUser(server.kernel.services, {
      institutionId,
      primaryId: 'temp',
      firstName: 'Tem',
      lastName: 'Porary',
      password: PASSWORD,
      roles: [{ role: 'USER_MANAGER' }],
    });
    const save = async (change: Record<string, unknown>) => {
      const current = await users().get(institutionId, staff.id);
      await users().update(SYSTEM(institutionId), { ...userDtoToFields(current), id: staff.id, ...change });
    };
    const live = (await signIn('temp')).cookie;
    expect((await trpc(live, 'users.search', { query: 'temp' })).status).toBe(200);

    await save({ roles: [{ role: 'USER_MANAGER', expiryDate: '2020-01-01' }] });
    expect((await trpc(live, 'users.search', { query: 'temp' })).status).toBe(401);
    expect((await signIn('temp')).status).toBe(403);

    await save({ roles: [{ role: 'USER_MANAGER' }] });
    const again = (await signIn('temp')).cookie;
    await save({ status: 'INACTIVE' });
    expect((await trpc(again, 'auth.session')).data).toBeNull();
    expect((await signIn('temp')).status).toBe(401);

    await save({ status: 'ACTIVE', expiryDate: '2021-06-30' });
    expect((await signIn('temp')).status).toBe(401);
    await save({ expiryDate: null });
    const last = (await signIn('temp')).cookie;
    expect((await trpc(last, 'auth.session')).data).toMatchObject({ account: { id: staff.id } });

    const deletion = server.kernel.services.get(usersServices.deletion);
    expect(await deletion.delete(SYSTEM(institutionId), staff.id)).toMatchObject({ deleted: true });
    expect((await trpc(last, 'auth.session')).data).toBeNull();
    expect(await server.kernel.services.get(authServices.credentials).statusOf(staff.id)).toEqual({
      hasPassword: false,
      mustChangePassword: false,
      mfaEnabled: false,
    });
  });

  it('moves a staff member to the institution’s sign-in: the password kept here goes, and back needs a new one', async () => {
    const staff = await createStaffUser(server.kernel.services, {
      institutionId,
      primaryId: 'mover',
      firstName: 'Mo',
      lastName: 'Ver',
      password: PASSWORD,
      roles: [{ role: 'USER_MANAGER' }],
    });
    const save = async (change: Record<string, unknown>) => {
      const current = await users().get(institutionId, staff.id);
      return users().update(SYSTEM(institutionId), { ...userDtoToFields(current), id: staff.id, ...change });
    };
    const live = (await signIn('mover')).cookie;
    await save({ accountType: 'INTERNAL_WITH_EXTERNAL_AUTH' });
    expect(await users().get(institutionId, staff.id)).toMatchObject({ hasPassword: false });
    expect((await trpc(live, 'auth.session')).data).toBeNull();
    expect((await signIn('mover')).status).toBe(401);
    await expect(save({ password: 'another long password' })).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ field: 'password' })],
    });
    await save({ accountType: 'INTERNAL', password: 'another long password' });
    expect((await signIn('mover', 'another long password')).status).toBe(200);
  });

  it('refuses to disable the users module from the app: it would sign every staff member out', async () => {
    const cookie = await server.signIn(server.first.admin);
    const response = await fetch(`${server.url}/trpc/platform.modules.disable`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.url },
      body: JSON.stringify({ json: { moduleId: 'users' } }),
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('would sign out every staff member of this institution');
    expect((await trpc(cookie, 'auth.session')).data).toMatchObject({ institution: { code } });
  });

  it('keeps the staff of one institution out of another', async () => {
    const other = await server.addInstitution();
    const response = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { institution: other.institution.code, username: 'j.smith', password: PASSWORD } }),
    });
    expect(response.status).toBe(401);
  });
});
