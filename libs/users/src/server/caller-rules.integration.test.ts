import type { TRPCError } from '@trpc/server';
import { fieldErrorsOf, jobServices } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDtoToFields } from '../contracts/user-fields.js';
import { usersPermissions as can } from '../contracts/users-permissions.js';
import { usersPlugin } from './users.plugin.js';

// What the caller may do decides what a change may touch: owner libraries under library independence,
// and fields that need more than the update permission, on every path that writes them.

type Api = TestApi<[typeof usersPlugin]>;
let api: Api;
let userId: string;

const deskPermissions = new Set([can.userRead, can.userCreate, can.userUpdate]);
/** A desk operator whose role is scoped to the main library. */
const mainDesk = () =>
  api.callerFor({
    permissions: deskPermissions,
    libraryScope: { all: false, libraryIds: new Set([main.id]) },
  });
let main: { id: string };

const failure = async (promise: Promise<unknown>) => {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as TRPCError | null;
  if (!error) throw new Error('expected the call to fail');
  return { code: error.code, fieldErrors: fieldErrorsOf(error) };
};

beforeAll(async () => {
  api = await startTestApi({
    plugins: [usersPlugin],
    institution: { modules: ['users'], libraryIndependence: true },
  });
  main = await api.caller.platform.libraries.create({
    code: 'MAIN',
    name: 'Main library',
  });
  await api.caller.platform.libraries.create({
    code: 'LAW',
    name: 'Law library',
  });
  await api.caller.users.codeTables.save({
    table: 'USER_GROUP',
    code: 'UG',
    description: 'Undergraduates',
  });
  await api.caller.users.codeTables.save({
    table: 'STATISTIC_CATEGORY_TYPE',
    code: 'LEVEL',
    description: 'Level',
  });
  await api.caller.users.codeTables.save({
    table: 'STATISTIC_CATEGORY',
    code: 'GRAD',
    description: 'Graduate',
  });
  const created = await api.caller.users.create({
    recordType: 'PUBLIC',
    primaryId: 'scope-1',
    firstName: 'Ada',
    lastName: 'Byron',
    userGroup: 'UG',
    confirmDuplicate: true,
  });
  if (created.status !== 'saved') throw new Error('not saved');
  userId = created.user.id;
});
afterAll(() => api.close());

describe('library independence on writes', () => {
  it('a desk operator scoped to one library cannot remove another library’s note or statistic', async () => {
    const lawNote = await api.caller.users.notes.add({
      userId,
      text: 'Law only',
      ownerLibrary: 'LAW',
    });
    const lawStatistic = await api.caller.users.statistics.add({
      userId,
      categoryType: 'LEVEL',
      category: 'GRAD',
      ownerLibrary: 'LAW',
    });
    const desk = mainDesk();
    expect((await desk.users.notes.list({ userId })).map((n) => n.text)).not.toContain('Law only');

    expect(await failure(desk.users.notes.remove({ userId, id: lawNote.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(desk.users.statistics.remove({ userId, id: lawStatistic.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const everything = await api.caller.users.notes.list({ userId });
    expect(everything.map((n) => n.text)).toContain('Law only');
    expect((await api.caller.users.statistics.list({ userId })).map((s) => s.id)).toContain(lawStatistic.id);
  });

  it('History shows a note’s text only to those who see its library', async () => {
    const desk = mainDesk();
    const texts = async (caller: typeof desk) =>
      (await caller.users.history({ id: userId, field: 'notes' })).entries.map((e) => e.newValue ?? e.oldValue);
    expect(await texts(api.caller)).toContain('Law only');
    expect(await texts(desk)).not.toContain('Law only');
    const { total } = await desk.users.history({ id: userId, field: 'notes' });
    expect(total).toBe((await texts(desk)).length);
  });

  it('a desk operator cannot add a note or statistic owned by a library outside the scope, but can for its own', async () => {
    const desk = mainDesk();
    expect(await failure(desk.users.notes.add({ userId, text: 'Planted', ownerLibrary: 'LAW' }))).toEqual({
      code: 'BAD_REQUEST',
      fieldErrors: [
        {
          field: 'ownerLibrary',
          message: 'is a library outside your role scope',
        },
      ],
    });
    expect(
      await failure(
        desk.users.statistics.add({
          userId,
          categoryType: 'LEVEL',
          category: 'GRAD',
          ownerLibrary: 'LAW',
        }),
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: [{ field: 'ownerLibrary' }],
    });
    const own = await desk.users.notes.add({
      userId,
      text: 'Main desk',
      ownerLibrary: 'MAIN',
    });
    expect(own.ownerLibrary).toBe('MAIN');
    await desk.users.notes.remove({ userId, id: own.id });
  });
});

describe('fields that need more than the update permission', () => {
  it('a purge date needs the delete permission in a single edit', async () => {
    const desk = mainDesk();
    const user = await desk.users.get({ id: userId });
    expect(
      await failure(
        desk.users.update({
          ...userDtoToFields(user),
          id: userId,
          purgeDate: '2020-01-01',
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      fieldErrors: [
        {
          field: 'purgeDate',
          message: 'changing it needs the permission "users.user.delete"',
        },
      ],
    });
    const renamed = await desk.users.update({
      ...userDtoToFields(user),
      id: userId,
      firstName: 'Augusta',
    });
    expect(renamed.status).toBe('saved');
    const manager = await api.caller.users.update({
      ...userDtoToFields(user),
      id: userId,
      purgeDate: '2099-01-01',
    });
    expect(manager.status === 'saved' && manager.user.purgeDate).toBe('2099-01-01');
  });

  it('a purge date needs the delete permission in a bulk edit, and no job starts without it', async () => {
    const desk = mainDesk();
    const search = { query: 'scope-1', searchBy: 'primaryId' as const };
    expect(await failure(desk.users.bulkEdit({ search, changes: { purgeDate: '2020-01-01' } }))).toEqual({
      code: 'BAD_REQUEST',
      fieldErrors: [
        {
          field: 'changes.purgeDate',
          message: 'changing it needs the permission "users.user.delete"',
        },
      ],
    });
    expect(await api.caller.platform.jobs.list({ type: 'users.bulkEdit' })).toEqual([]);
    const allowed = await api.caller.users.bulkEdit({
      search,
      changes: { purgeDate: '2099-02-01' },
    });
    await api.kernel.services.get(jobServices.jobs).waitFor(allowed.id);
    expect((await api.caller.users.get({ id: userId })).purgeDate).toBe('2099-02-01');
    expect(await api.caller.platform.jobs.list({ type: 'users.bulkEdit' })).toHaveLength(1);
  });
});
