import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A staff member of institution A, holding every permission, reaches nothing of institution B:
 * lists show none of B's rows and every procedure given one of B's ids answers as if it did not exist.
 * Each module adds its procedures that take an id to the table below.
 */
describe('institution isolation', () => {
  let api: TestApi<[]>;
  let callerA: TestApi<[]>['caller'];
  let callerB: TestApi<[]>['caller'];

  beforeAll(async () => {
    api = await startTestApi({ plugins: [] });
    const b = await api.createInstitution();
    const all = new Set(api.kernel.permissions.keys());
    callerA = api.callerFor({ permissions: all });
    callerB = api.callerFor({ institutionId: b.id, permissions: all });
    await callerB.platform.libraries.create({ code: 'B_LIB', name: 'B library' });
    await callerB.auth.apiKeys.create({ name: 'B key', permissions: ['platform.module.read'] });
  });
  afterAll(() => api.close());

  it('lists none of B\'s rows to A', async () => {
    expect(await callerA.platform.libraries.list()).toEqual([]);
    expect(await callerA.auth.apiKeys.list()).toEqual([]);
    expect((await callerA.platform.institution.get()).id).toBe(api.institution.id);
  });

  it.each([
    {
      path: 'auth.apiKeys.revoke',
      call: async () => {
        const [key] = await callerB.auth.apiKeys.list();
        return callerA.auth.apiKeys.revoke({ id: key?.id ?? '' });
      },
      unchanged: async () => expect((await callerB.auth.apiKeys.list())[0]?.revokedAt).toBeNull(),
    },
  ])('$path with one of B\'s ids answers NOT_FOUND and changes nothing', async ({ call, unchanged }) => {
    await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await unchanged();
  });
});
