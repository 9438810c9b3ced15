import type { TRPCError } from '@trpc/server';
import { fieldErrorsOf } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersPermissions as can } from '../contracts/users-permissions.js';
import { usersPlugin } from './users.plugin.js';

// users.notes.update: a note changed in place, with the permission, scope and history rules of adding one.

type Api = TestApi<[typeof usersPlugin]>;
let api: Api;
let userId: string;
let main: { id: string };

const failure = async (promise: Promise<unknown>) => {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as TRPCError | null;
  if (!error) throw new Error('expected the call to fail');
  return { code: error.code, fieldErrors: fieldErrorsOf(error) };
};

const mainDesk = () =>
  api.callerFor({
    permissions: new Set([can.userRead, can.userUpdate]),
    libraryScope: { all: false, libraryIds: new Set([main.id]) },
  });

beforeAll(async () => {
  api = await startTestApi({
    plugins: [usersPlugin],
    institution: { modules: ['users'], libraryIndependence: true },
  });
  main = await api.caller.platform.libraries.create({ code: 'MAIN', name: 'Main library' });
  await api.caller.users.codeTables.save({ table: 'USER_GROUP', code: 'UG', description: 'Undergraduates' });
  await api.caller.platform.libraries.create({ code: 'LAW', name: 'Law library' });
  const created = await api.caller.users.create({
    recordType: 'PUBLIC',
    primaryId: 'note-edit-1',
    firstName: 'Nora',
    lastName: 'Noted',
    userGroup: 'UG',
    confirmDuplicate: true,
  });
  if (created.status !== 'saved') throw new Error('not saved');
  userId = created.user.id;
});
afterAll(() => api.close());

describe('users.notes.update', () => {
  it('changes the text, type and flags in place and records the change in History', async () => {
    const note = await api.caller.users.notes.add({ userId, text: 'Lost card', noteType: 'GENERAL' });
    const updated = await api.caller.users.notes.update({
      userId,
      id: note.id,
      text: 'Lost card, replaced on 3 March',
      noteType: 'CIRCULATION',
      popUp: true,
    });
    expect(updated).toMatchObject({
      id: note.id,
      text: 'Lost card, replaced on 3 March',
      noteType: 'CIRCULATION',
      popUp: true,
    });
    const notes = await api.caller.users.notes.list({ userId });
    expect(notes.filter((n) => n.id === note.id)).toEqual([updated]);
    const history = await api.caller.users.history({ id: userId, field: 'notes' });
    expect(history.entries[0]).toMatchObject({ oldValue: 'Lost card', newValue: 'Lost card, replaced on 3 March' });
  });

  it('refuses an empty text with a field-named error', async () => {
    const note = await api.caller.users.notes.add({ userId, text: 'Keep me' });
    expect(await failure(api.caller.users.notes.update({ userId, id: note.id, text: '  ' }))).toEqual({
      code: 'BAD_REQUEST',
      fieldErrors: [{ field: 'text', message: 'is required' }],
    });
    expect((await api.caller.users.notes.list({ userId })).find((n) => n.id === note.id)?.text).toBe('Keep me');
  });

  it('needs the update permission', async () => {
    const note = await api.caller.users.notes.add({ userId, text: 'Read only' });
    const reader = api.callerFor({ permissions: new Set([can.userRead]) });
    expect(await failure(reader.users.notes.update({ userId, id: note.id, text: 'Changed' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('a desk operator scoped to one library neither edits another library’s note nor moves one there', async () => {
    const lawNote = await api.caller.users.notes.add({ userId, text: 'Law only', ownerLibrary: 'LAW' });
    const mainNote = await api.caller.users.notes.add({ userId, text: 'Main desk', ownerLibrary: 'MAIN' });
    const desk = mainDesk();
    expect(await failure(desk.users.notes.update({ userId, id: lawNote.id, text: 'Taken over' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await failure(desk.users.notes.update({ userId, id: mainNote.id, text: 'Main desk', ownerLibrary: 'LAW' })),
    ).toEqual({
      code: 'BAD_REQUEST',
      fieldErrors: [{ field: 'ownerLibrary', message: 'is a library outside your role scope' }],
    });
    await desk.users.notes.update({ userId, id: mainNote.id, text: 'Main desk, checked', ownerLibrary: 'MAIN' });
    const texts = (await api.caller.users.notes.list({ userId })).map((n) => n.text);
    expect(texts).toContain('Law only');
    expect(texts).toContain('Main desk, checked');
  });

  it('another institution’s note is invisible and cannot be edited (NOT_FOUND)', async () => {
    const note = await api.caller.users.notes.add({ userId, text: 'Ours' });
    const other = await api.createInstitution({ modules: ['users'] });
    const theirs = api.callerFor({ institutionId: other.id, permissions: new Set(api.kernel.permissions.keys()) });
    expect(await failure(theirs.users.notes.list({ userId }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(theirs.users.notes.update({ userId, id: note.id, text: 'Theirs now' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await api.caller.users.notes.list({ userId })).find((n) => n.id === note.id)?.text).toBe('Ours');
  });
});
