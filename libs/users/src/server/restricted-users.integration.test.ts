import { permissionsOfRoles } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDtoToFields } from '../contracts/user-fields.js';
import { usersPermissions } from '../contracts/users-permissions.js';
import { usersServices } from '../contracts/users-services.js';
import { usersPlugin } from './users.plugin.js';

// The reference's "Can't edit restricted users": the users module's `restrictedRoles` make their holders
// restricted, and only callers holding `users.restricted-user.edit` change them (jobs and the SIS act for the
// institution and are not held back).

type Api = TestApi<[typeof usersPlugin]>;
const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
let api: Api;

beforeAll(async () => {
  api = (await startTestApi({ plugins: [usersPlugin], institution: { modules: ['users'] } })) as unknown as Api;
  await api.caller.users.codeTables.save({ table: 'USER_GROUP', code: 'STAFF', description: 'Staff' });
  await api.caller.platform.modules.configure({
    moduleId: 'users',
    config: { restrictedRoles: ['USER_ADMINISTRATOR'] },
  });
});
afterAll(() => api.close());

describe(`users restricted for editing (${database})`, () => {
  it('lets only holders of the permission change a user holding a restricted role', async () => {
    const saved = await api.caller.users.create({
      recordType: 'STAFF',
      primaryId: 'restricted-1',
      firstName: 'Rhea',
      lastName: 'Restricted',
      userGroup: 'STAFF',
      roles: [{ role: 'USER_ADMINISTRATOR' }],
    });
    if (saved.status !== 'saved') throw new Error('not saved');
    const user = saved.user;
    // A user manager holds every users permission but this one.
    const manager = api.callerFor({ permissions: permissionsOfRoles(['USER_MANAGER'], api.kernel.permissions) });
    await expect(manager.users.get({ id: user.id })).resolves.toMatchObject({ id: user.id });
    await expect(
      manager.users.update({ ...userDtoToFields(user), id: user.id, version: user.version, jobDescription: 'changed' }),
    ).rejects.toThrow(
      /Restricted, Rhea is restricted for editing; changing them needs the permission users\.restricted-user\.edit/,
    );
    expect((await api.caller.users.get({ id: user.id })).jobDescription).toBeNull();

    const allowed = api.callerFor({
      permissions: new Set([
        ...permissionsOfRoles(['USER_MANAGER'], api.kernel.permissions),
        usersPermissions.restrictedUserEdit,
      ]),
    });
    const changed = await allowed.users.update({
      ...userDtoToFields(user),
      id: user.id,
      version: user.version,
      jobDescription: 'changed',
    });
    expect(changed).toMatchObject({ status: 'saved', user: { jobDescription: 'changed' } });

    // The institution itself (a job, the SIS) is not a caller and is not held back.
    const current = await api.caller.users.get({ id: user.id });
    await api.kernel.services
      .get(usersServices.users)
      .update(
        { institutionId: api.institution.id, actor: 'job' },
        { ...userDtoToFields(current), id: user.id, jobDescription: 'by a job' },
      );
    expect((await api.caller.users.get({ id: user.id })).jobDescription).toBe('by a job');
  });
});
