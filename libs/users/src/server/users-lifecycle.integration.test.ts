import { coreServices, definePlugin, fieldErrorsOf, jobServices } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateUserInput } from '../contracts/user.schema.js';
import type { UserDto } from '../contracts/user.dto.js';
import { usersEvents } from '../contracts/users-events.js';
import { type AttachmentStorage, usersExtensionPoints } from '../contracts/users-extension-points.js';
import { usersPlugin } from './users.plugin.js';
import { usersServices } from './users-services.js';

const owing = new Set<string>();
const storageCalls: string[] = [];
const finesLike = definePlugin({
  id: 'fines-like',
  title: 'Fines (test)',
  dependsOn: ['users'],
  register(env) {
    env.contribute(usersExtensionPoints.deletionGuards, {
      id: 'balance-due',
      reasons: async (_institutionId, userIds) =>
        new Map(userIds.filter((id) => owing.has(id)).map((id) => [id, ['the user has a balance due']])),
    });
    const memory = new Map<string, Uint8Array>();
    const recording: AttachmentStorage = {
      id: 'recording',
      put: async (key, content) => {
        storageCalls.push(`put ${key}`);
        memory.set(key, content);
      },
      get: async (key) => memory.get(key) ?? new Uint8Array(),
      delete: async (key) => {
        storageCalls.push(`delete ${key}`);
        memory.delete(key);
      },
    };
    env.contribute(usersExtensionPoints.attachmentStorage, recording);
  },
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('users over their life: history, external accounts, tabs, deletion and jobs', () => {
  let api: TestApi<[typeof usersPlugin, typeof finesLike]>;
  const saved = async (p: Promise<{ status: string }>) => {
    const result = (await p) as { status: string; user?: UserDto };
    if (!result.user) throw new Error(`not saved: ${JSON.stringify(result)}`);
    return result.user;
  };
  let seq = 0;
  const person = (over: Partial<CreateUserInput> = {}): CreateUserInput => {
    seq += 1;
    return {
      recordType: 'PUBLIC',
      primaryId: `P${seq}`,
      firstName: 'Pat',
      lastName: `Person${seq}`,
      userGroup: 'UG',
      ...over,
    };
  };
  const newUser = (over: Partial<CreateUserInput> = {}) => saved(api.caller.users.create(person(over)));

  beforeAll(async () => {
    api = await startTestApi({ plugins: [usersPlugin, finesLike], institution: { modules: ['users', 'fines-like'] } });
    const save = api.caller.users.codeTables.save;
    for (const code of ['UG', 'GRAD']) await save({ table: 'USER_GROUP', code, description: code });
    await save({ table: 'IDENTIFIER_TYPE', code: 'BARCODE', description: 'Barcode' });
    await save({ table: 'USER_TITLE', code: 'Dr', description: 'Dr' });
    await save({ table: 'USER_TITLE', code: 'Prof', description: 'Prof' });
    await save({ table: 'STATISTIC_CATEGORY_TYPE', code: 'DEPT', description: 'Department' });
    await save({ table: 'STATISTIC_CATEGORY', code: 'HIST', description: 'History' });
    await api.caller.platform.libraries.create({ code: 'MAIN', name: 'Main' });
    await api.caller.platform.libraries.create({ code: 'LAW', name: 'Law' });
  });
  afterAll(() => api.close());

  describe('history', () => {
    it('records the listed fields with who and when, PIN and password as "changed" only', async () => {
      const user = await newUser({ addresses: [{ line1: 'Old Road 1', city: 'Oslo', addressTypes: ['home'] }] });
      await api
        .callerFor({ permissions: new Set(api.kernel.permissions.keys()), displayName: 'Desk Dana' })
        .users.update({
          ...person(),
          id: user.id,
          primaryId: user.primaryId,
          firstName: 'Patricia',
          lastName: user.lastName,
          userGroup: 'GRAD',
          pinNumber: '4321',
          password: 'a new patron secret',
          addresses: [{ line1: 'New Road 2', city: 'Bergen', addressTypes: ['home'] }],
        });
      const { entries, total } = await api.caller.users.history({ id: user.id });
      expect(total).toBe(5);
      expect(entries.map((e) => [e.field, e.oldValue, e.newValue]).sort()).toEqual(
        [
          ['addresses', 'Old Road 1, Oslo (Home)', 'New Road 2, Bergen (Home)'],
          ['firstName', 'Pat', 'Patricia'],
          ['password', null, 'changed'],
          ['pinNumber', null, 'changed'],
          ['userGroup', 'UG', 'GRAD'],
        ].sort(),
      );
      expect(entries.every((e) => e.actor === 'Desk Dana' && e.actorKind === 'staff')).toBe(true);
      expect(JSON.stringify(entries)).not.toMatch(/4321|new patron secret/);
      const filtered = await api.caller.users.history({ id: user.id, field: 'userGroup' });
      expect(filtered.entries).toMatchObject([{ fieldLabel: 'User group', oldValue: 'UG', newValue: 'GRAD' }]);
    });
  });

  describe('external accounts', () => {
    const sis = { institutionId: '', actor: 'SIS load', actorKind: 'job', job: 'sis' };
    const external = async () => {
      const user = await newUser({
        accountType: 'EXTERNAL',
        externalId: 'SIS',
        userTitle: 'Dr',
        expiryDate: '2030-01-01',
        identifiers: [{ idType: 'BARCODE', value: `X-${seq}`, segmentType: 'EXTERNAL' }],
        emails: [{ emailAddress: `sis${seq}@uni.edu`, emailTypes: ['work'], segmentType: 'EXTERNAL' }],
      });
      return user;
    };
    const edit = (user: UserDto, changes: Record<string, unknown>) => {
      const { id, fullName: _f, hasPin: _p, hasPassword: _w, ...rest } = user as UserDto & Record<string, unknown>;
      const fields = Object.fromEntries(
        Object.entries(rest).filter(
          ([k]) =>
            ![
              'statusDate',
              'createdBy',
              'createdAt',
              'updatedBy',
              'updatedAt',
              'lastUpdatedByJob',
              'lastPatronActivityDate',
              'overrides',
              'pictureUrl',
            ].includes(k),
        ),
      );
      return api.caller.users.update({ ...(fields as unknown as CreateUserInput), id, ...changes });
    };
    const sisUpdate = (user: UserDto, fields: Partial<CreateUserInput>) =>
      api.kernel.services
        .get(usersServices.users)
        .applySisRecord({ ...sis, institutionId: api.institution.id }, user.id, {
          ...person(),
          primaryId: user.primaryId,
          firstName: user.firstName,
          lastName: user.lastName,
          accountType: 'EXTERNAL',
          externalId: 'SIS',
          identifiers: [{ idType: 'BARCODE', value: user.identifiers[0]?.value ?? 'none' }],
          emails: [{ emailAddress: user.emails[0]?.emailAddress ?? 'x@y.z', emailTypes: ['work'] }],
          ...fields,
        });

    it('refuses changes to fields the SIS owns, unless opened for update', async () => {
      const user = await external();
      const error = await edit(user, { lastName: 'Changed', expiryDate: '2031-01-01' }).catch((e) => e);
      expect(fieldErrorsOf(error)).toEqual([
        { field: 'lastName', message: 'is managed by the SIS; use Open for Update to change it' },
        { field: 'expiryDate', message: 'is managed by the SIS; use Open for Update to change it' },
      ]);
      expect((await saved(edit(user, { lastName: 'Changed', openForUpdate: true }))).lastName).toBe('Changed');
    });

    it('keeps a protected field changed by staff through a SIS update, and the revert restores the SIS value', async () => {
      const user = await external();
      const edited = await saved(edit(user, { userTitle: 'Prof', userGroup: 'GRAD' }));
      expect(edited.overrides).toEqual([
        { field: 'userGroup', sisValue: 'UG' },
        { field: 'userTitle', sisValue: 'Dr' },
      ]);
      const afterSis = await sisUpdate(edited, { userTitle: 'Dr', userGroup: 'UG', expiryDate: '2032-06-30' });
      expect(afterSis).toMatchObject({ userTitle: 'Prof', userGroup: 'GRAD', expiryDate: '2032-06-30' });
      const reverted = await api.caller.users.revertOverride({ id: user.id, field: 'userTitle' });
      expect(reverted.userTitle).toBe('Dr');
      expect(reverted.overrides.map((o) => o.field)).toEqual(['userGroup']);
      const next = await sisUpdate(reverted, { userTitle: 'Prof', userGroup: 'UG' });
      expect(next).toMatchObject({ userTitle: 'Prof', userGroup: 'GRAD' });
    });

    it('treats setting a field back to the SIS value as a revert', async () => {
      const user = await external();
      const edited = await saved(edit(user, { userTitle: 'Prof' }));
      const back = await saved(edit(edited, { userTitle: 'Dr' }));
      expect(back.overrides).toEqual([]);
      expect((await sisUpdate(back, { userTitle: 'Prof' })).userTitle).toBe('Prof');
    });

    it('with Open for Update, lets staff choose that the SIS overwrites a protected field', async () => {
      const user = await external();
      const edited = await saved(
        edit(user, { userGroup: 'GRAD', openForUpdate: true, keepOnSync: { userGroup: false } }),
      );
      expect(edited.overrides).toEqual([]);
      expect((await sisUpdate(edited, { userGroup: 'UG' })).userGroup).toBe('UG');
    });

    it('adds contact data as internal or, when asked, external; never edits external data; never turns internal into external', async () => {
      const user = await external();
      const added = await saved(
        edit(user, {
          emails: [
            ...user.emails,
            { emailAddress: 'mine@home.net', emailTypes: ['personal'] },
            { emailAddress: 'sis-too@uni.edu', emailTypes: ['work'], segmentType: 'EXTERNAL' },
          ],
        }),
      );
      expect(added.emails.map((e) => [e.emailAddress, e.segmentType])).toEqual([
        [user.emails[0]?.emailAddress, 'EXTERNAL'],
        ['mine@home.net', 'INTERNAL'],
        ['sis-too@uni.edu', 'EXTERNAL'],
      ]);
      const changedExternal = added.emails.map((e, i) => (i === 0 ? { ...e, emailAddress: 'other@uni.edu' } : e));
      expect(fieldErrorsOf(await edit(added, { emails: changedExternal }).catch((e) => e))).toEqual([
        {
          field: 'emails',
          message: 'external entries come from the SIS and cannot be changed or removed; use Open for Update',
        },
      ]);
      const promoted = added.emails.map((e) =>
        e.emailAddress === 'mine@home.net' ? { ...e, segmentType: 'EXTERNAL' } : e,
      );
      expect(fieldErrorsOf(await edit(added, { emails: promoted, openForUpdate: true }).catch((e) => e))).toEqual([
        {
          field: 'emails.1.segmentType',
          message: 'an internal entry cannot become external; remove it and add it again as external',
        },
      ]);
      const synced = await sisUpdate(added, {});
      expect(synced.emails.map((e) => [e.emailAddress, e.segmentType])).toEqual([
        ['mine@home.net', 'INTERNAL'],
        [user.emails[0]?.emailAddress, 'EXTERNAL'],
      ]);
    });

    it('toggles internal to external (owner SIS_temp, identifiers external) and back (data kept as internal)', async () => {
      const user = await newUser({ identifiers: [{ idType: 'BARCODE', value: `T-${seq}` }] });
      const toggled = await api.caller.users.toggleAccountType({ id: user.id });
      expect(toggled).toMatchObject({
        accountType: 'EXTERNAL',
        externalId: 'SIS_temp',
        identifiers: [{ segmentType: 'EXTERNAL' }],
      });
      const claimed = await sisUpdate(toggled, {});
      expect(claimed.externalId).toBe('SIS');
      const back = await api.caller.users.toggleAccountType({ id: user.id });
      expect(back).toMatchObject({ accountType: 'INTERNAL', externalId: null });
      expect([...back.identifiers, ...back.emails].every((s) => s.segmentType === 'INTERNAL')).toBe(true);
      await expect(
        api
          .callerFor({ permissions: new Set(['users.user.update', 'users.user.read']) })
          .users.toggleAccountType({ id: user.id }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  });

  describe('notes, statistics and attachments', () => {
    it('adds a note, moving the last-updated date and recording it in the history; keeps library-owned notes to their scope', async () => {
      const user = await newUser();
      await new Promise((r) => setTimeout(r, 5));
      const note = await api.caller.users.notes.add({
        userId: user.id,
        text: 'Lost card reported',
        noteType: 'CIRCULATION',
        popUp: true,
        ownerLibrary: 'LAW',
      });
      expect(note).toMatchObject({
        text: 'Lost card reported',
        ownerLibrary: 'LAW',
        popUp: true,
        segmentType: 'INTERNAL',
        createdBy: 'Test caller',
      });
      expect((await api.caller.users.get({ id: user.id })).updatedAt.getTime()).toBeGreaterThan(
        user.updatedAt.getTime(),
      );
      expect((await api.caller.users.history({ id: user.id, field: 'notes' })).entries[0]).toMatchObject({
        newValue: 'Lost card reported',
      });
      await api.caller.users.notes.add({ userId: user.id, text: 'General note' });

      await api.caller.platform.institution.update({ libraryIndependence: true });
      try {
        const main = (await api.caller.platform.libraries.list()).find((l) => l.code === 'MAIN');
        const mainDesk = api.callerFor({
          permissions: new Set(['users.user.read']),
          libraryScope: { all: false, libraryIds: new Set([main?.id ?? '']) },
        });
        expect((await mainDesk.users.notes.list({ userId: user.id })).map((n) => n.text)).toEqual(['General note']);
        expect((await api.caller.users.notes.list({ userId: user.id })).map((n) => n.text).sort()).toEqual([
          'General note',
          'Lost card reported',
        ]);
      } finally {
        await api.caller.platform.institution.update({ libraryIndependence: false });
      }
      await expect(
        api.caller.users.notes.add({ userId: user.id, text: 'x', segmentType: 'EXTERNAL' }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    });

    it('adds statistics from the configured categories only', async () => {
      const user = await newUser();
      const statistic = await api.caller.users.statistics.add({
        userId: user.id,
        categoryType: 'DEPT',
        category: 'HIST',
        note: 'major',
      });
      expect(statistic).toMatchObject({ categoryType: 'DEPT', category: 'HIST', note: 'major' });
      expect(
        fieldErrorsOf(
          await api.caller.users.statistics
            .add({ userId: user.id, categoryType: 'NOPE', category: 'HIST' })
            .catch((e) => e),
        ),
      ).toEqual([{ field: 'categoryType', message: '"NOPE" is not a statistical category type of this institution' }]);
      await api.caller.users.statistics.remove({ userId: user.id, id: statistic.id });
      expect(await api.caller.users.statistics.list({ userId: user.id })).toEqual([]);
    });

    it('stores attachments by their real type, within the size limit, and never records a half-stored file', async () => {
      const user = await newUser();
      const attachment = await api.caller.users.attachments.add({
        userId: user.id,
        fileName: 'scan.pdf',
        contentBase64: PNG.toString('base64'),
      });
      expect(attachment).toMatchObject({ fileName: 'scan.pdf', mimeType: 'image/png', size: PNG.length });
      const download = await api.caller.users.attachments.download({ userId: user.id, id: attachment.id });
      expect(Buffer.from(download.contentBase64, 'base64').equals(PNG)).toBe(true);

      const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]);
      expect(
        fieldErrorsOf(
          await api.caller.users.attachments
            .add({ userId: user.id, fileName: 'cv.txt', contentBase64: exe.toString('base64') })
            .catch((e) => e),
        )?.[0]?.message,
      ).toMatch(/^files of type application\/octet-stream are not allowed/);
      await api.caller.platform.modules.configure({ moduleId: 'users', config: { attachments: { maxSizeBytes: 4 } } });
      try {
        expect(
          fieldErrorsOf(
            await api.caller.users.attachments
              .add({ userId: user.id, fileName: 'a.png', contentBase64: PNG.toString('base64') })
              .catch((e) => e),
          ),
        ).toEqual([{ field: 'contentBase64', message: 'the file is larger than the 4 bytes allowed' }]);
      } finally {
        await api.caller.platform.modules.configure({ moduleId: 'users', config: {} });
      }

      await api.caller.platform.modules.configure({
        moduleId: 'users',
        config: { attachments: { storage: 'recording' } },
      });
      try {
        // PostgreSQL refuses a NUL in text: the row fails after the file is stored, so the file must go. (tRPC and
        // REST refuse a NUL before any procedure runs, so the service is called directly to reach that failure.)
        const parts = api.kernel.services.get(usersServices.parts);
        const by = { institutionId: api.institution.id, actor: 'Test', actorKind: 'staff' };
        await expect(
          parts.addAttachment(by, {
            userId: user.id,
            fileName: 'bad\u0000name.png',
            contentBase64: PNG.toString('base64'),
          }),
        ).rejects.toThrow('invalid byte sequence for encoding "UTF8": 0x00');
        expect(storageCalls).toHaveLength(2);
        expect(storageCalls[1]).toBe(storageCalls[0]?.replace('put', 'delete'));
        expect((await api.caller.users.attachments.list({ userId: user.id })).map((a) => a.fileName)).toEqual([
          'scan.pdf',
        ]);
      } finally {
        await api.caller.platform.modules.configure({ moduleId: 'users', config: {} });
      }
    });
  });

  describe('deletion, purge and bulk edit', () => {
    it("refuses to delete with every guard's reason, and deletes an unguarded user with all its parts", async () => {
      const guarded = await newUser();
      owing.add(guarded.id);
      await api.database.prisma.userJobLock.create({
        data: { userId: guarded.id, jobId: '00000000-0000-4000-8000-000000000000' },
      });
      expect(await api.caller.users.deletionCheck({ id: guarded.id })).toEqual({
        reasons: ['the user record is locked by a running job', 'the user has a balance due'],
      });
      expect(await api.caller.users.delete({ id: guarded.id })).toEqual({
        deleted: false,
        reasons: ['the user record is locked by a running job', 'the user has a balance due'],
      });
      await api.database.prisma.userJobLock.deleteMany({ where: { userId: guarded.id } });

      const free = await newUser();
      await api.caller.users.notes.add({ userId: free.id, text: 'bye' });
      expect(await api.caller.users.delete({ id: free.id })).toEqual({ deleted: true });
      await expect(api.caller.users.get({ id: free.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await api.database.prisma.userNote.count({ where: { userId: free.id } })).toBe(0);
      await expect(
        api.callerFor({ permissions: new Set(['users.user.update']) }).users.delete({ id: guarded.id }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('purges users whose purge date has passed, skipping the guarded ones and saying why', async () => {
      const gone = await newUser({ purgeDate: '2020-01-01' });
      const kept = await newUser({ purgeDate: '2020-01-01' });
      const future = await newUser({ purgeDate: '2999-01-01' });
      owing.add(kept.id);
      const job = await api.caller.users.purge();
      await api.kernel.services.get(jobServices.jobs).waitFor(job.id);
      const done = await api.caller.platform.jobs.get({ id: job.id });
      expect(done).toMatchObject({
        status: 'SUCCEEDED',
        report: {
          deleted: [gone.primaryId],
          skipped: [{ primaryId: kept.primaryId, reasons: ['the user has a balance due'] }],
        },
      });
      expect((await api.caller.users.get({ id: future.id })).id).toBe(future.id);
    });

    it('bulk-edits the users a search finds, with the same rules and history as one edit', async () => {
      const a = await newUser({ lastName: 'Bulkson' });
      const b = await newUser({ lastName: 'Bulkson' });
      const ext = await newUser({ lastName: 'Bulkson', accountType: 'EXTERNAL', externalId: 'SIS' });
      const job = await api.caller.users.bulkEdit({
        search: { query: 'bulkson', searchBy: 'name' },
        changes: { userGroup: 'GRAD', expiryDate: '2031-12-31' },
      });
      await api.kernel.services.get(jobServices.jobs).waitFor(job.id);
      const done = await api.caller.platform.jobs.get({ id: job.id });
      expect(done).toMatchObject({
        status: 'SUCCEEDED',
        processed: 3,
        total: 3,
        report: {
          matched: 3,
          updated: 2,
          failed: [
            {
              primaryId: ext.primaryId,
              errors: [{ field: 'expiryDate', message: 'is managed by the SIS; use Open for Update to change it' }],
            },
          ],
        },
      });
      for (const user of [a, b]) {
        expect(await api.caller.users.get({ id: user.id })).toMatchObject({
          userGroup: 'GRAD',
          expiryDate: '2031-12-31',
          lastUpdatedByJob: job.id,
          updatedBy: `Bulk edit by ${done.createdBy}`,
        });
        expect((await api.caller.users.history({ id: user.id, field: 'userGroup' })).entries[0]).toMatchObject({
          actorKind: 'job',
          actor: `Bulk edit by ${done.createdBy}`,
        });
      }
      expect(await api.database.prisma.userJobLock.count()).toBe(0);

      const onlyGroup = await api.caller.users.bulkEdit({
        search: { query: 'bulkson', searchBy: 'name' },
        changes: { userGroup: 'UG' },
      });
      await api.kernel.services.get(jobServices.jobs).waitFor(onlyGroup.id);
      expect((await api.caller.platform.jobs.get({ id: onlyGroup.id })).report).toMatchObject({
        matched: 3,
        updated: 3,
        failed: [],
      });
      expect((await api.caller.users.get({ id: ext.id })).overrides).toEqual([]);
      expect((await api.caller.users.get({ id: a.id })).userGroup).toBe('UG');
    });

    it("keeps an external user's bulk-changed protected field as an override; role rules apply on recalculate, not on a bulk edit", async () => {
      const ext = await newUser({ lastName: 'Rulesby', accountType: 'EXTERNAL', externalId: 'SIS' });
      const job = await api.caller.users.bulkEdit({
        search: { query: 'rulesby', searchBy: 'name' },
        changes: { userGroup: 'GRAD' },
      });
      await api.kernel.services.get(jobServices.jobs).waitFor(job.id);
      expect((await api.caller.users.get({ id: ext.id })).overrides).toEqual([{ field: 'userGroup', sisValue: 'UG' }]);

      await api.caller.platform.modules.configure({
        moduleId: 'users',
        config: { roleAssignmentRules: [{ userGroup: 'UG', roles: ['PATRON'] }] },
      });
      try {
        const internal = await newUser({ lastName: 'Rulesby', userGroup: 'GRAD' });
        const again = await api.caller.users.bulkEdit({
          search: { query: 'rulesby', searchBy: 'name', account: 'INTERNAL' },
          changes: { userGroup: 'UG' },
        });
        await api.kernel.services.get(jobServices.jobs).waitFor(again.id);
        expect((await api.caller.users.get({ id: internal.id })).roles).toEqual([]);
        const recalculated = await api.caller.users.roles.recalculate({ userId: internal.id });
        expect(recalculated.roles.map((r) => r.role)).toEqual(['PATRON']);
      } finally {
        await api.caller.platform.modules.configure({ moduleId: 'users', config: {} });
      }
    });
  });

  describe('last patron activity and pictures', () => {
    const activity = (userId: string, kind: string) =>
      api.kernel.services.get(coreServices.transactions).run(async ({ raise }) => {
        raise(usersEvents.patronActivity, {
          institutionId: api.institution.id,
          userId,
          activity: kind as 'loan',
          at: new Date('2026-03-05T12:00:00Z'),
        });
      });

    it('records the listed activities only while the feature is on, outside the history, and forgets all when switched off', async () => {
      const user = await newUser();
      await activity(user.id, 'loan');
      expect((await api.caller.users.get({ id: user.id })).lastPatronActivityDate).toBeNull();
      await api.caller.platform.modules.configure({ moduleId: 'users', config: { recordLastPatronActivity: true } });
      await activity(user.id, 'pay');
      expect((await api.caller.users.get({ id: user.id })).lastPatronActivityDate).toBeNull();
      await activity(user.id, 'loan');
      expect((await api.caller.users.get({ id: user.id })).lastPatronActivityDate).toBe('2026-03-05');
      expect((await api.caller.users.history({ id: user.id })).total).toBe(0);
      await api.caller.platform.modules.configure({ moduleId: 'users', config: { recordLastPatronActivity: false } });
      expect((await api.caller.users.get({ id: user.id })).lastPatronActivityDate).toBeNull();
    });

    it('derives the picture address from the photo settings, which must be HTTPS and end with a slash', async () => {
      const user = await newUser({ identifiers: [{ idType: 'BARCODE', value: `PIC-${seq}` }] });
      expect(
        fieldErrorsOf(
          await api.caller.platform.modules
            .configure({ moduleId: 'users', config: { photoServerUrl: 'http://photos.uni.edu/pics' } })
            .catch((e) => e),
        ),
      ).toEqual([
        { field: 'config.photoServerUrl', message: 'must use HTTPS' },
        { field: 'config.photoServerUrl', message: 'must end with a forward slash (/)' },
      ]);
      await api.caller.platform.modules.configure({
        moduleId: 'users',
        config: { photoServerUrl: 'https://photos.uni.edu/pics/', photoIdentifierType: 'BARCODE', photoSuffix: 'png' },
      });
      try {
        expect((await api.caller.users.get({ id: user.id })).pictureUrl).toBe(
          `https://photos.uni.edu/pics/${user.identifiers[0]?.value}.png`,
        );
      } finally {
        await api.caller.platform.modules.configure({ moduleId: 'users', config: {} });
      }
    });
  });
});
