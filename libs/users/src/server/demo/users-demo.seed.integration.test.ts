import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersPlugin } from '../users.plugin.js';
import { usersDemoCodeTables } from './users-demo.code-tables.js';
import { usersDemoCounts } from './users-demo.users.js';
import { seedUsersDemo } from './users-demo.seed.js';

describe('the users demo seed', () => {
  let api: TestApi<[typeof usersPlugin]>;
  let firstRun: { users: number };
  let seconds: number;

  beforeAll(async () => {
    api = await startTestApi({
      plugins: [usersPlugin],
      institution: { modules: ['users'], timeZone: 'America/New_York' },
    });
    await api.caller.platform.libraries.create({ code: 'MAIN', name: 'Main Library' });
    await api.caller.platform.libraries.create({ code: 'LAW', name: 'Law Library' });
    const started = performance.now();
    firstRun = await seedUsersDemo(api.kernel.services, api.institution.id);
    seconds = (performance.now() - started) / 1000;
  }, 120_000);
  afterAll(() => api.close());

  const totalOf = async (input: Parameters<typeof api.caller.users.search>[0]) =>
    (await api.caller.users.search(input)).total;

  it('saves the code tables and 300 users through the service', async () => {
    console.info(`seeded ${firstRun.users} demo users in ${seconds.toFixed(1)} s`);
    expect(firstRun).toEqual({ users: 300 });
    expect(await api.caller.users.codeTables.list()).toHaveLength(usersDemoCodeTables.length);
    expect(await totalOf({})).toBe(300);
    expect(await totalOf({ tab: 'STAFF' })).toBe(usersDemoCounts.staff);
    expect(await totalOf({ tab: 'CONTACT' })).toBe(usersDemoCounts.vendors);
    expect(await totalOf({ tab: 'PUBLIC' })).toBe(300 - usersDemoCounts.staff - usersDemoCounts.vendors);
    expect(await totalOf({ account: 'EXTERNAL' })).toBeGreaterThan(50);
    expect(await totalOf({ status: 'INACTIVE_OR_EXPIRED' })).toBeGreaterThan(10);
    expect(await totalOf({ role: 'CIRCULATION_DESK_OPERATOR' })).toBeGreaterThan(0);
  });

  it('finds a user by a name with diacritics typed without them', async () => {
    const { rows } = await api.caller.users.search({ query: 'odegard' });
    expect(rows.map((r) => r.fullName)).toContain('Ødegård, Ingrid');
  });

  it('keeps both users who share a name and birth date', async () => {
    const { rows } = await api.caller.users.search({ query: 'maría garcía', searchBy: 'name', pageSize: 100 });
    const namesakes = await Promise.all(
      rows.filter((r) => r.fullName === 'García, María').map((r) => api.caller.users.get({ id: r.id })),
    );
    expect(
      namesakes
        .filter((u) => u.birthDate === '2004-03-15')
        .map((u) => u.primaryId)
        .sort(),
    ).toEqual(['s1000101', 's1000102']);
  });

  it('adds nothing when run again', async () => {
    expect(await seedUsersDemo(api.kernel.services, api.institution.id)).toEqual({ users: 0 });
    expect(await totalOf({})).toBe(300);
  });
});
