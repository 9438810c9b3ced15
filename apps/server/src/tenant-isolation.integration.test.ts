import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersPlugin } from '@ulms/users';

// Every installed module whose procedures take ids; add a module here with its rows below.
const modules = [usersPlugin] as const;
type Api = TestApi<typeof modules>;

/**
 * A staff member of institution A, holding every permission, reaches nothing of institution B:
 * lists show none of B's rows and every procedure given one of B's ids answers as if it did not exist.
 * Each module adds its procedures that take an id to the table below.
 */
describe('institution isolation', () => {
  let api: Api;
  let callerA: Api['caller'];
  let callerB: Api['caller'];
  let userOfB: string;

  beforeAll(async () => {
    const moduleIds = modules.map((p) => p.id);
    api = await startTestApi({ plugins: modules, institution: { modules: moduleIds } });
    const b = await api.createInstitution({ modules: moduleIds });
    const all = new Set(api.kernel.permissions.keys());
    callerA = api.callerFor({ permissions: all });
    callerB = api.callerFor({ institutionId: b.id, permissions: all });
    await callerB.platform.libraries.create({ code: 'B_LIB', name: 'B library' });
    await callerB.auth.apiKeys.create({ name: 'B key', permissions: ['platform.module.read'] });
    await callerB.users.codeTables.save({ table: 'USER_GROUP', code: 'B_GROUP', description: 'B group' });
    const saved = await callerB.users.create({ recordType: 'PUBLIC', primaryId: 'B-1', firstName: 'Bea', lastName: 'Bee', userGroup: 'B_GROUP' });
    userOfB = saved.status === 'saved' ? saved.user.id : '';
  });
  afterAll(() => api.close());

  it('lists none of B\'s rows to A', async () => {
    expect(await callerA.platform.libraries.list()).toEqual([]);
    expect(await callerA.auth.apiKeys.list()).toEqual([]);
    expect((await callerA.platform.institution.get()).id).toBe(api.institution.id);
    expect((await callerA.users.search({})).total).toBe(0);
    expect(await callerA.users.codeTables.list()).toEqual([]);
  });

  it.each([
    {
      path: 'auth.apiKeys.revoke',
      call: async () => {
        const [key] = await callerB.auth.apiKeys.list();
        return callerA.auth.apiKeys.revoke({ id: key?.id ?? '' });
      },
      unchanged: async (): Promise<void> => {
        expect((await callerB.auth.apiKeys.list())[0]?.revokedAt).toBeNull();
      },
    },
    {
      path: 'users.get',
      call: () => callerA.users.get({ id: userOfB }),
      unchanged: async (): Promise<void> => undefined,
    },
    {
      path: 'users.update',
      call: () => callerA.users.update({ id: userOfB, recordType: 'PUBLIC', primaryId: 'B-1', firstName: 'Mallory', lastName: 'Bee' }),
      unchanged: async (): Promise<void> => {
        expect((await callerB.users.get({ id: userOfB })).firstName).toBe('Bea');
      },
    },
  ])('$path with one of B\'s ids answers NOT_FOUND and changes nothing', async ({ call, unchanged }) => {
    await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await unchanged();
  });
});
