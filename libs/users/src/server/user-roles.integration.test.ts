import type { TRPCError } from '@trpc/server';
import { type BuiltInRole, fieldErrorsOf, jobServices, permissionsOfRoles } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDtoToFields } from '../contracts/user-fields.js';
import type { UserDto } from '../contracts/user.dto.js';
import { usersServices } from '../contracts/users-services.js';
import { usersPlugin } from './users.plugin.js';

// The Roles tab's procedures (users.roles.*) and the rules every path that writes roles keeps: a caller
// grants only what they hold, the institution keeps an administrator, a Contact holds no role, the SIS never
// changes roles, and the role assignment rules apply on create and on recalculate only.

type Api = TestApi<[typeof usersPlugin]>;
let api: Api;
let seq = 0;

const failure = async (promise: Promise<unknown>) => {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as TRPCError | null;
  if (!error) throw new Error('expected the call to fail');
  return { code: error.code, message: error.message, fieldErrors: fieldErrorsOf(error) };
};

/** A caller holding what `roles` hold, in `institutionId` (the test institution by default). */
const callerWith = (roles: BuiltInRole[], institutionId = api.institution.id) =>
  api.callerFor({ institutionId, permissions: permissionsOfRoles(roles, api.kernel.permissions) });

/** A caller holding every permission in a fresh institution of its own (with users enabled). */
const freshInstitution = async () => {
  const institution = await api.createInstitution({ modules: ['users'] });
  const caller = api.callerFor({ institutionId: institution.id, permissions: new Set(api.kernel.permissions.keys()) });
  await prepare(caller);
  return caller;
};

/** The libraries and the user group the tests' records use. */
const prepare = async (caller: typeof api.caller) => {
  await caller.platform.libraries.create({ code: 'MAIN', name: 'Main library' });
  await caller.platform.libraries.create({ code: 'LAW', name: 'Law library' });
  await caller.users.codeTables.save({ table: 'USER_GROUP', code: 'STAFF', description: 'Staff' });
};
type Caller = ReturnType<typeof callerWith>;

const newUser = async (caller: Caller = api.caller, fields: Record<string, unknown> = {}): Promise<UserDto> => {
  seq += 1;
  const created = await caller.users.create({
    recordType: 'STAFF',
    primaryId: `roles-${seq}`,
    firstName: 'Rolf',
    lastName: `Roles${seq}`,
    ...(fields['recordType'] === 'CONTACT' ? {} : { userGroup: 'STAFF' }),
    confirmDuplicate: true,
    ...fields,
  });
  if (created.status !== 'saved') throw new Error('not saved');
  return created.user;
};

const admin = (caller: Caller) =>
  newUser(caller, { roles: [{ role: 'GENERAL_SYSTEM_ADMINISTRATOR', scope: null, status: 'ACTIVE' }] });

beforeAll(async () => {
  api = await startTestApi({ plugins: [usersPlugin], institution: { modules: ['users'] } });
  await prepare(api.caller);
});
afterAll(() => api.close());

describe('users.roles: add, edit, remove', () => {
  it('adds, changes and removes one role, each with a History entry and a new version', async () => {
    const user = await newUser();
    const added = await api.caller.users.roles.add({
      userId: user.id,
      version: user.version,
      role: 'CIRCULATION_DESK_OPERATOR',
      scope: 'MAIN',
      expiryDate: '2031-01-31',
    });
    expect(added.roles).toEqual([
      {
        id: expect.any(String),
        role: 'CIRCULATION_DESK_OPERATOR',
        scope: 'MAIN',
        status: 'ACTIVE',
        expiryDate: '2031-01-31',
      },
    ]);
    expect(added.version).toBe(user.version + 1);
    const [role] = added.roles;
    if (!role) throw new Error('no role');

    const edited = await api.caller.users.roles.update({
      userId: user.id,
      id: role.id,
      version: added.version,
      scope: null,
      status: 'INACTIVE',
      expiryDate: null,
    });
    expect(edited.roles).toEqual([{ ...role, scope: null, status: 'INACTIVE', expiryDate: null }]);

    const removed = await api.caller.users.roles.remove({ userId: user.id, id: role.id, version: edited.version });
    expect(removed.roles).toEqual([]);

    const history = await api.caller.users.history({ id: user.id, field: 'roles' });
    expect(history.entries.map((e) => [e.oldValue, e.newValue])).toEqual([
      ['Circulation Desk Operator (inactive)', null],
      ['Circulation Desk Operator @ MAIN', 'Circulation Desk Operator (inactive)'],
      [null, 'Circulation Desk Operator @ MAIN'],
    ]);
  });

  it('refuses a change over a version read before another change (no lost update)', async () => {
    const user = await newUser();
    await api.caller.users.roles.add({ userId: user.id, version: user.version, role: 'PATRON' });
    const stale = await failure(
      api.caller.users.roles.add({ userId: user.id, version: user.version, role: 'USER_MANAGER' }),
    );
    expect(stale.code).toBe('CONFLICT');
  });

  it('names the field of a scope that is not a library of the institution', async () => {
    const user = await newUser();
    const refused = await failure(api.caller.users.roles.add({ userId: user.id, role: 'PATRON', scope: 'NOWHERE' }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.fieldErrors).toEqual([
      { field: 'scope', message: '"NOWHERE" is not a library of this institution' },
    ]);
  });

  it('needs the role management permission', async () => {
    const user = await newUser();
    const desk = callerWith(['CIRCULATION_DESK_OPERATOR']);
    expect((await failure(desk.users.roles.add({ userId: user.id, role: 'PATRON' }))).code).toBe('FORBIDDEN');
    expect((await failure(desk.users.roles.recalculate({ userId: user.id }))).code).toBe('FORBIDDEN');
  });

  it("another institution's user's roles are invisible and cannot be changed (NOT_FOUND)", async () => {
    const user = await newUser(api.caller, { roles: [{ role: 'PATRON' }] });
    const theirs = await freshInstitution();
    const [role] = user.roles;
    if (!role) throw new Error('no role');
    expect((await failure(theirs.users.get({ id: user.id }))).code).toBe('NOT_FOUND');
    expect((await failure(theirs.users.roles.add({ userId: user.id, role: 'PATRON' }))).code).toBe('NOT_FOUND');
    expect((await failure(theirs.users.roles.remove({ userId: user.id, id: role.id }))).code).toBe('NOT_FOUND');
    expect((await api.caller.users.get({ id: user.id })).roles).toEqual([role]);
  });
});

describe('granting only what one holds', () => {
  it('a user administrator cannot make anyone a General System Administrator, on the Roles tab or in the record', async () => {
    const user = await newUser();
    const userAdmin = callerWith(['USER_ADMINISTRATOR']);
    const onTab = await failure(
      userAdmin.users.roles.add({ userId: user.id, role: 'GENERAL_SYSTEM_ADMINISTRATOR', scope: null }),
    );
    expect(onTab.code).toBe('BAD_REQUEST');
    expect(onTab.fieldErrors).toEqual([
      { field: 'role', message: expect.stringContaining('you cannot grant the role "General System Administrator"') },
    ]);

    const desk = callerWith(['CIRCULATION_DESK_OPERATOR']);
    const inRecord = await failure(
      desk.users.update({
        ...userDtoToFields(user),
        id: user.id,
        roles: [{ role: 'PATRON' }, { role: 'GENERAL_SYSTEM_ADMINISTRATOR' }],
      }),
    );
    expect(inRecord.fieldErrors).toEqual([
      { field: 'roles.1.role', message: expect.stringContaining('General System') },
    ]);
    const created = await failure(
      desk.users.create({
        recordType: 'STAFF',
        primaryId: 'made-admin',
        firstName: 'Ad',
        lastName: 'Admin',
        userGroup: 'STAFF',
        roles: [{ role: 'USER_ADMINISTRATOR' }],
      }),
    );
    expect(created.fieldErrors).toEqual([
      { field: 'roles.0.role', message: expect.stringContaining('User Administrator') },
    ]);
    expect((await api.caller.users.get({ id: user.id })).roles).toEqual([]);
  });

  it('grants what the caller holds, and keeps, narrows or deactivates what they do not', async () => {
    const userAdmin = callerWith(['USER_ADMINISTRATOR']);
    await admin(api.caller); // the institution keeps this one whatever happens to the next
    const user = await admin(api.caller);
    const [gsa] = user.roles;
    if (!gsa) throw new Error('no role');
    // Another role: the administrator role already held stays as it is.
    const added = await userAdmin.users.roles.add({ userId: user.id, role: 'CIRCULATION_DESK_OPERATOR' });
    expect(added.roles.map((r) => r.role)).toEqual(['CIRCULATION_DESK_OPERATOR', 'GENERAL_SYSTEM_ADMINISTRATOR']);
    // Narrowing gives nothing more; widening back is a grant.
    const narrowed = await userAdmin.users.roles.update({
      userId: user.id,
      id: gsa.id,
      scope: 'MAIN',
      status: 'ACTIVE',
    });
    const widened = await failure(
      userAdmin.users.roles.update({ userId: user.id, id: gsa.id, scope: null, status: 'ACTIVE' }),
    );
    expect(widened.code).toBe('BAD_REQUEST');
    // Deactivating gives nothing more; re-activating is a grant.
    const deactivated = await userAdmin.users.roles.update({
      userId: user.id,
      id: gsa.id,
      scope: 'MAIN',
      status: 'INACTIVE',
    });
    expect(deactivated.roles.find((r) => r.id === gsa.id)).toMatchObject({ scope: 'MAIN', status: 'INACTIVE' });
    expect(narrowed.version).toBeLessThan(deactivated.version);
    const reactivated = await failure(
      userAdmin.users.roles.update({ userId: user.id, id: gsa.id, scope: 'MAIN', status: 'ACTIVE' }),
    );
    expect(reactivated.fieldErrors?.[0]?.field).toBe('role');
  });
});

describe('the last administrator of an institution', () => {
  const LAST = 'the last administrator of the institution cannot be removed';

  it('cannot lose the role: removed, deactivated, expired or narrowed to a library', async () => {
    const caller = await freshInstitution();
    const user = await admin(caller);
    const [role] = user.roles;
    if (!role) throw new Error('no role');
    for (const change of [
      () => caller.users.roles.remove({ userId: user.id, id: role.id }),
      () => caller.users.roles.update({ userId: user.id, id: role.id, status: 'INACTIVE' }),
      () => caller.users.roles.update({ userId: user.id, id: role.id, status: 'ACTIVE', expiryDate: '2020-01-01' }),
      () => caller.users.roles.update({ userId: user.id, id: role.id, status: 'ACTIVE', scope: 'MAIN' }),
    ]) {
      expect(await failure(change())).toMatchObject({ code: 'CONFLICT', message: LAST });
    }
    expect((await caller.users.get({ id: user.id })).roles).toEqual([role]);
  });

  it('cannot be deactivated, expired or deleted; another administrator makes it possible', async () => {
    const caller = await freshInstitution();
    const user = await admin(caller);
    const fields = { ...userDtoToFields(user), id: user.id };
    expect(await failure(caller.users.update({ ...fields, status: 'INACTIVE' }))).toMatchObject({
      code: 'CONFLICT',
      message: LAST,
    });
    expect(await failure(caller.users.update({ ...fields, expiryDate: '2020-01-01' }))).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await caller.users.delete({ id: user.id })).toEqual({ deleted: false, reasons: [LAST] });
    expect((await caller.users.deletionCheck({ id: user.id })).reasons).toEqual([LAST]);

    await admin(caller);
    expect(await caller.users.delete({ id: user.id })).toEqual({ deleted: true });
  });

  it('of two administrators removed at the same moment, one stays', async () => {
    const caller = await freshInstitution();
    const [a, b] = [await admin(caller), await admin(caller)];
    const outcomes = await Promise.allSettled(
      [a, b].map((u) => caller.users.roles.remove({ userId: u.id, id: u.roles[0]?.id ?? '' })),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const left = await Promise.all([a, b].map((u) => caller.users.get({ id: u.id })));
    expect(left.flatMap((u) => u.roles.map((r) => r.role))).toEqual(['GENERAL_SYSTEM_ADMINISTRATOR']);
  });

  it('a bulk edit that deactivates users and the purge keep the last administrator, saying why', async () => {
    const caller = await freshInstitution();
    const last = await admin(caller);
    const other = await newUser(caller, { lastName: last.lastName });
    const jobs = api.kernel.services.get(jobServices.jobs);
    const job = await caller.users.bulkEdit({
      search: { query: last.lastName ?? '', searchBy: 'name' },
      changes: { status: 'INACTIVE' },
    });
    await jobs.waitFor(job.id);
    expect((await caller.platform.jobs.get({ id: job.id })).report).toMatchObject({
      updated: 1,
      failed: [{ primaryId: last.primaryId, errors: [{ field: '', message: LAST }] }],
    });
    expect((await caller.users.get({ id: other.id })).status).toBe('INACTIVE');
    expect((await caller.users.get({ id: last.id })).status).toBe('ACTIVE');

    await caller.users.update({ ...userDtoToFields(last), id: last.id, purgeDate: '2020-01-01' });
    const purge = await caller.users.purge();
    await jobs.waitFor(purge.id);
    expect((await caller.platform.jobs.get({ id: purge.id })).report).toMatchObject({
      deleted: [],
      skipped: [{ primaryId: last.primaryId, reasons: [LAST] }],
    });
  });

  it('does not block an institution that has no administrator at all', async () => {
    const caller = await freshInstitution();
    const user = await newUser(caller, {
      roles: [{ role: 'GENERAL_SYSTEM_ADMINISTRATOR', status: 'INACTIVE' }, { role: 'USER_MANAGER' }],
    });
    const emptied = await caller.users.update({ ...userDtoToFields(user), id: user.id, roles: [], status: 'INACTIVE' });
    expect(emptied.status === 'saved' && emptied.user.roles).toEqual([]);
    expect(await caller.users.delete({ id: user.id })).toEqual({ deleted: true });
  });
});

describe('who holds roles', () => {
  it('a Contact record cannot hold roles', async () => {
    const refused = await failure(
      api.caller.users.create({
        recordType: 'CONTACT',
        primaryId: 'contact-role',
        lastName: 'Vendor',
        roles: [{ role: 'PATRON' }],
      }),
    );
    expect(refused.fieldErrors).toEqual([{ field: 'roles', message: 'a Contact record cannot hold roles' }]);
    const contact = await newUser(api.caller, { recordType: 'CONTACT' });
    const onTab = await failure(api.caller.users.roles.add({ userId: contact.id, role: 'PATRON' }));
    expect(onTab.fieldErrors).toEqual([{ field: 'roles', message: 'a Contact record cannot hold roles' }]);
  });

  it('the View-Only Operator reads users and their roles and changes nothing but its own screen choices', async () => {
    const permissions = permissionsOfRoles(['VIEW_ONLY_OPERATOR'], api.kernel.permissions);
    expect([...permissions].sort()).toEqual(
      expect.arrayContaining(['users.config.read', 'users.user.read', 'platform.library.read']),
    );
    for (const permission of permissions) expect(permission).toMatch(/\.read$|^platform\.preference\.own$/);
    const user = await newUser(api.caller, { roles: [{ role: 'PATRON' }] });
    const viewer = callerWith(['VIEW_ONLY_OPERATOR']);
    expect((await viewer.users.get({ id: user.id })).roles.map((r) => r.role)).toEqual(['PATRON']);
    expect((await viewer.users.search({ query: user.primaryId, searchBy: 'primaryId' })).rows).toHaveLength(1);
    const fields = { ...userDtoToFields(user), id: user.id };
    expect((await failure(viewer.users.update({ ...fields, lastName: 'Changed' }))).code).toBe('FORBIDDEN');
    expect((await failure(viewer.users.roles.remove({ userId: user.id, id: user.roles[0]?.id ?? '' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failure(viewer.users.notes.add({ userId: user.id, text: 'no' }))).code).toBe('FORBIDDEN');
    expect((await failure(viewer.users.delete({ id: user.id }))).code).toBe('FORBIDDEN');
    await viewer.platform.preferences.set({
      key: 'users.findColumns',
      value: { columnVisibility: { email: false }, pageSize: 20 },
    });
  });

  it("keeps an external user's roles when the SIS updates the record", async () => {
    const user = await newUser(api.caller, {
      accountType: 'EXTERNAL',
      externalId: 'SIS',
      roles: [{ role: 'PATRON' }],
    });
    const updated = await api.kernel.services
      .get(usersServices.users)
      .applySisRecord({ institutionId: api.institution.id, actor: 'SIS load', actorKind: 'job' }, user.id, {
        ...userDtoToFields(user),
        firstName: 'Renamed',
        roles: [{ role: 'GENERAL_SYSTEM_ADMINISTRATOR' }],
      });
    expect(updated.firstName).toBe('Renamed');
    expect(updated.roles.map((r) => r.role)).toEqual(['PATRON']);
  });
});

describe('role assignment rules', () => {
  it('apply on create and on recalculate, not on every save', async () => {
    const caller = await freshInstitution();
    await caller.users.codeTables.save({ table: 'JOB_CATEGORY', code: 'Cataloger', description: 'Cataloger' });
    await caller.platform.modules.configure({
      moduleId: 'users',
      config: { roleAssignmentRules: [{ jobCategory: 'Cataloger', roles: ['USER_MANAGER'] }] },
    });
    const created = await newUser(caller, { jobCategory: 'Cataloger' });
    expect(created.roles.map((r) => r.role)).toEqual(['USER_MANAGER']);

    const other = await newUser(caller);
    const saved = await caller.users.update({ ...userDtoToFields(other), id: other.id, jobCategory: 'Cataloger' });
    if (saved.status !== 'saved') throw new Error('not saved');
    expect(saved.user.roles).toEqual([]);
    const recalculated = await caller.users.roles.recalculate({ userId: other.id, version: saved.user.version });
    expect(recalculated.roles.map((r) => r.role)).toEqual(['USER_MANAGER']);
    const history = await caller.users.history({ id: other.id, field: 'roles' });
    expect(history.entries[0]).toMatchObject({ oldValue: null, newValue: 'User Manager' });

    // A role staff removed stays removed on the next save.
    const [role] = recalculated.roles;
    const removed = await caller.users.roles.remove({ userId: other.id, id: role?.id ?? '' });
    const again = await caller.users.update({ ...userDtoToFields(removed), id: other.id, firstName: 'Again' });
    expect(again.status === 'saved' && again.user.roles).toEqual([]);
  });
});
