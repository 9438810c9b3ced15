import { fieldErrorsOf } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersPermissions } from '../contracts/index.js';
import { MAX_CODE_TABLE_ENTRIES } from './code-table.service.js';
import { usersPlugin } from './users.plugin.js';

// The admin app's selects read every code table in one call (users.codeTables.list without a table),
// instead of one call per table batched into a URL that once passed the server's limit.
describe('every code table in one call', () => {
  let api: TestApi<[typeof usersPlugin]>;

  beforeAll(async () => {
    api = await startTestApi({ plugins: [usersPlugin], institution: { modules: ['users'] } });
    await api.caller.users.codeTables.save({ table: 'USER_GROUP', code: 'UG', description: 'Undergraduates' });
    await api.caller.users.codeTables.save({ table: 'LANGUAGE', code: 'en', description: 'English' });
  });
  afterAll(() => api?.close());

  it("answers the institution's tables together, to whoever may read them", async () => {
    const reader = api.callerFor({ permissions: new Set([usersPermissions.configRead]) });
    expect((await reader.users.codeTables.list()).map((e) => `${e.table}:${e.code}`).sort()).toEqual([
      'LANGUAGE:en',
      'USER_GROUP:UG',
    ]);
    await expect(api.callerFor({ permissions: new Set() }).users.codeTables.list()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const other = await api.createInstitution({ modules: ['users'] });
    expect(
      await api
        .callerFor({ institutionId: other.id, permissions: new Set([usersPermissions.configRead]) })
        .users.codeTables.list(),
    ).toEqual([]);
  });

  it(`is bounded: a table holds at most ${MAX_CODE_TABLE_ENTRIES} entries`, async () => {
    await api.database.prisma.userCodeTableEntry.createMany({
      data: Array.from({ length: MAX_CODE_TABLE_ENTRIES }, (_, i) => ({
        institutionId: api.institution.id,
        table: 'CAMPUS',
        code: `C${i}`,
        description: `Campus ${i}`,
      })),
    });
    const error = await api.caller.users.codeTables
      .save({ table: 'CAMPUS', code: 'ONE_MORE', description: 'One more' })
      .catch((e: unknown) => e);
    expect(fieldErrorsOf(error as never)).toEqual([
      {
        field: 'code',
        message: `a code table holds at most ${MAX_CODE_TABLE_ENTRIES} entries; deactivate or remove one first`,
      },
    ]);
    // An existing entry can still be changed.
    await api.caller.users.codeTables.save({ table: 'CAMPUS', code: 'C0', description: 'Main campus' });
  });
});
