import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreServices, definePlugin, jobServices, workerServices } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
// A shipped module's tests start the modules it builds on themselves (the catalogue lists this module).
// eslint-disable-next-line no-restricted-imports
import { usersPlugin } from '@ulms/users';
import { userDtoToFields, usersServices } from '@ulms/users/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SaveSisProfileInput, sisExtensionPoints, type SisRunDto } from '../contracts/index.js';
import { syntheticUser, writeCsv, writeJsonUsers, writeSisXml, writeZip, sisXml } from '../testing/sis-files.js';
import { sisProfilesRef, sisRunsRef } from './sis-refs.js';
import { sisRunJob } from './sis-run.job.js';
import { sisPlugin } from './sis.plugin.js';

/** An institution's own rule: the user group follows the programme code in statistic `PROGRAMME`. */
const programmePlugin = definePlugin({
  id: 'test-programme-groups',
  title: 'Programme groups',
  dependsOn: ['sis'],
  register(env) {
    env.contribute(sisExtensionPoints.fieldMappers, {
      id: 'test-programme-groups.group',
      map: (user) => (user['job_description'] === 'PhD programme' ? { ...user, user_group: { value: 'GRAD' } } : user),
    });
  },
});

type Api = TestApi<readonly [typeof usersPlugin, typeof sisPlugin, typeof programmePlugin]>;
const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const MODULES = ['users', 'sis'];
const BERKELEY = join(import.meta.dirname, '../../../users/src/testing/alma-samples/berkeley_expected_xml_3.xml');

let api: Api;
let dir: string;
let files = 0;

const profiles = () => api.kernel.services.get(sisProfilesRef);
const runs = () => api.kernel.services.get(sisRunsRef);
const users = () => api.caller.users;

async function profile(code: string, settings: Partial<SaveSisProfileInput['settings']> = {}) {
  return profiles().save(api.institution.id, {
    code,
    settings: { name: `Profile ${code}`, format: 'sis.xml', mode: 'SYNCHRONIZE', ...settings },
  });
}

/** Runs `path` with the profile to the end, as an upload would. */
async function run(
  profileId: string,
  path: string,
  options: { dryRun?: boolean; fullLoad?: boolean } = {},
): Promise<SisRunDto> {
  const started = await runs().start(api.institution.id, {
    profileId,
    fileName: path.split('/').at(-1) ?? 'file',
    content: createReadStream(path),
    dryRun: options.dryRun ?? false,
    fullLoad: options.fullLoad ?? false,
    startedBy: 'Test',
  });
  await api.kernel.services.get(jobServices.jobs).waitFor(started.jobId as string);
  return runs().get(api.institution.id, started.id);
}

const xmlFile = (users: Record<string, unknown>[]) => writeSisXml(dir, `load-${(files += 1)}.xml`, users);
const entries = async (runId: string, outcome?: 'CREATED' | 'UPDATED' | 'REJECTED' | 'DEACTIVATED') =>
  (await runs().entries(api.institution.id, { runId, outcome, after: -1, limit: 200 })).entries;
const userBy = async (primaryId: string) => {
  const found = await api.kernel.services.get(usersServices.users).findByIdentifier(api.institution.id, primaryId);
  if (!found) throw new Error(`no user ${primaryId}`);
  return found.user;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sis-test-'));
  api = (await startTestApi({
    plugins: [usersPlugin, sisPlugin, programmePlugin],
    institution: { modules: MODULES },
  })) as unknown as Api;
  for (const [table, code] of [
    ['USER_GROUP', 'UNDERGRAD'],
    ['USER_GROUP', 'GRAD'],
    ['USER_GROUP', 'GRADSTUD'],
    ['USER_GROUP', 'STAFFGRP'],
    ['CAMPUS', 'UCB_Campus'],
    ['IDENTIFIER_TYPE', 'UNIV_ID'],
    ['IDENTIFIER_TYPE', 'BARCODE'],
  ] as const) {
    await users().codeTables.save({ table, code, description: code });
  }
});
afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

describe(`SIS loads (${database})`, () => {
  it('loads the shared Berkeley sample, and a second run of the same file changes nothing', async () => {
    const ucb = await profile('UCB');
    const first = await run(ucb.id, BERKELEY);
    expect(first).toMatchObject({ status: 'SUCCEEDED', total: 2, counts: { processed: 2, created: 2, rejected: 0 } });
    const deirdra = await userBy('10162050');
    expect(deirdra).toMatchObject({
      accountType: 'EXTERNAL',
      externalId: 'UCB',
      lastName: 'Forte',
      userGroup: 'GRADSTUD',
    });
    expect(deirdra.addresses.map((a) => a.segmentType)).toEqual(['EXTERNAL', 'EXTERNAL']);
    expect(deirdra.identifiers.find((i) => i.idType === 'UNIV_ID')).toMatchObject({
      value: '114278',
      segmentType: 'EXTERNAL',
    });

    const again = await run(ucb.id, BERKELEY);
    expect(again.counts).toMatchObject({ processed: 2, created: 0, updated: 0, unchanged: 2 });
  });

  it('replaces core fields and external segments, keeps staff overrides of protected fields and internal data', async () => {
    const p = await profile('MERGE');
    const file = await xmlFile([syntheticUser(100, { job_description: 'Chemistry' })]);
    await run(p.id, file);
    const loaded = await userBy('SIS100');
    // Staff: a local user group (protected: an override), an internal email and an internal note.
    const fields = userDtoToFields(loaded);
    await users().update({
      ...fields,
      id: loaded.id,
      userGroup: 'GRAD',
      emails: [
        ...fields.emails,
        { emailAddress: 'own@example.org', emailTypes: ['personal'], preferred: false, segmentType: 'INTERNAL' },
      ],
    });
    await users().notes.add({ userId: loaded.id, text: 'Staff note', segmentType: 'INTERNAL' });

    const changed = await xmlFile([
      syntheticUser(100, {
        last_name: 'Renamed',
        user_group: { value: 'STAFFGRP' },
        job_description: 'Chemistry',
        contact_info: {
          email: [{ email_address: 'new100@example.edu', email_type: [{ value: 'school' }], preferred: true }],
        },
        user_note: [{ note_type: { value: 'REGISTAR' }, note_text: 'From the registrar' }],
      }),
    ]);
    const second = await run(p.id, changed);
    expect(second.counts).toMatchObject({ updated: 1, rejected: 0 });
    const after = await userBy('SIS100');
    expect(after.lastName).toBe('Renamed');
    expect(after.userGroup).toBe('GRAD');
    expect(after.emails.map((e) => [e.emailAddress, e.segmentType])).toEqual([
      ['own@example.org', 'INTERNAL'],
      ['new100@example.edu', 'EXTERNAL'],
    ]);
    const notes = await users().notes.list({ userId: after.id });
    expect(notes.map((n) => [n.text, n.segmentType]).sort()).toEqual([
      ['From the registrar', 'EXTERNAL'],
      ['Staff note', 'INTERNAL'],
    ]);
    const [entry] = await entries(second.id, 'UPDATED');
    expect(entry?.changes).toEqual(
      expect.arrayContaining([{ field: 'lastName', before: 'Last100', after: 'Renamed' }]),
    );

    // The profile overwrites the user group: the file's value wins and the override goes.
    await profiles().save(api.institution.id, {
      id: p.id,
      code: 'MERGE',
      settings: { ...p.settings, overwriteProtected: ['userGroup'] },
    });
    await run(p.id, changed);
    expect((await userBy('SIS100')).userGroup).toBe('STAFFGRP');
  });

  it("follows Open for Update's choice, defaults or clears empty fields, imports only new users, matches on an identifier type", async () => {
    const p = await profile('CHOICES', { defaults: { userGroup: 'UNDERGRAD' } });
    await run(p.id, await xmlFile([syntheticUser(150, { campus_code: { value: 'UCB_Campus' } })]));
    const loaded = await userBy('SIS150');
    const fields = userDtoToFields(loaded);
    // Open for Update: staff change the group and let the next load have it back.
    await users().update({
      ...fields,
      id: loaded.id,
      userGroup: 'GRAD',
      openForUpdate: true,
      keepOnSync: { userGroup: false },
    });
    expect((await userBy('SIS150')).userGroup).toBe('GRAD');
    const emptied = await run(
      p.id,
      await xmlFile([syntheticUser(150, { user_group: undefined, campus_code: undefined })]),
    );
    expect(emptied.counts).toMatchObject({ updated: 1, rejected: 0 });
    expect(await userBy('SIS150')).toMatchObject({ userGroup: 'UNDERGRAD', campusCode: null });

    const importing = await profile('IMPORT', { mode: 'IMPORT' });
    await run(importing.id, await xmlFile([syntheticUser(160)]));
    const again = await run(
      importing.id,
      await xmlFile([syntheticUser(160, { last_name: 'Changed' }), syntheticUser(161)]),
    );
    expect(again.counts).toMatchObject({ created: 1, rejected: 1 });
    expect((await entries(again.id, 'REJECTED'))[0]?.errors[0]?.message).toBe(
      'the user exists already; the profile imports new users only',
    );
    expect((await userBy('SIS160')).lastName).toBe('Last160');

    const byBarcode = await profile('BARCODES', { matchBy: 'IDENTIFIER', matchIdType: 'BARCODE' });
    await run(byBarcode.id, await xmlFile([syntheticUser(170)]));
    // The same barcode under a new primary identifier: the same user, renamed.
    const renamed = await run(byBarcode.id, await xmlFile([syntheticUser(170, { primary_id: 'NEW170' })]));
    expect(renamed.counts).toMatchObject({ updated: 1, created: 0 });
    expect((await userBy('NEW170')).identifiers.map((i) => i.value)).toContain('B170');
    const twice = await run(
      byBarcode.id,
      await xmlFile([
        syntheticUser(171),
        syntheticUser(172, { user_identifier: [{ id_type: { value: 'BARCODE' }, value: 'B171' }] }),
      ]),
    );
    expect(twice.counts).toMatchObject({ created: 1, rejected: 1 });
  });

  it('rejects internal users and users of another profile, claims SIS_temp users, one record at a time', async () => {
    const p = await profile('OWNERS');
    const internal = await users().create({
      recordType: 'PUBLIC',
      primaryId: 'INT1',
      firstName: 'I',
      lastName: 'Nternal',
      userGroup: 'UNDERGRAD',
    });
    if (internal.status !== 'saved') throw new Error('not saved');
    const temp = await users().create({
      recordType: 'PUBLIC',
      primaryId: 'TMP1',
      firstName: 'T',
      lastName: 'Emp',
      userGroup: 'UNDERGRAD',
    });
    if (temp.status !== 'saved') throw new Error('not saved');
    await users().toggleAccountType({ id: temp.user.id });
    const other = await profile('OTHER');
    await run(other.id, await xmlFile([syntheticUser(300)]));

    const result = await run(
      p.id,
      await xmlFile([
        syntheticUser(0, { primary_id: 'INT1' }),
        syntheticUser(1, { primary_id: 'TMP1' }),
        syntheticUser(300),
        syntheticUser(301, { user_identifier: [{ id_type: { value: 'BARCODE' }, value: 'B300' }] }),
        syntheticUser(302),
      ]),
    );
    expect(result.counts).toMatchObject({ processed: 5, created: 1, updated: 1, rejected: 3 });
    const rejected = await entries(result.id, 'REJECTED');
    expect(rejected.map((e) => [e.primaryId, e.errors[0]?.message])).toEqual([
      ['INT1', 'User is not external'],
      ['SIS300', 'the user belongs to the SIS profile "OTHER"'],
      ['SIS301', 'a user with identifier of type BARCODE "B300" already exists'],
    ]);
    expect(await userBy('TMP1')).toMatchObject({ externalId: 'OWNERS', accountType: 'EXTERNAL', lastName: 'Last1' });
    let csv = '';
    for await (const line of runs().rejects(api.institution.id, result.id)) csv += line;
    expect(csv).toContain('4,SIS301,user_identifier[0].value,');
  });

  it('a dry run reports field by field and changes nothing; applying it does what it said', async () => {
    const p = await profile('DRY', { missingUsers: { action: 'DEACTIVATE', expireAfterDays: 0 } });
    await run(p.id, await xmlFile([syntheticUser(400), syntheticUser(401)]), { fullLoad: true });
    const before = await userBy('SIS400');
    const file = await xmlFile([
      syntheticUser(400, { first_name: 'Changed' }),
      syntheticUser(402),
      syntheticUser(403, { user_group: { value: 'NOPE' } }),
    ]);
    const dry = await run(p.id, file, { dryRun: true, fullLoad: true });
    expect(dry.counts).toMatchObject({ created: 1, updated: 1, rejected: 1, deactivated: 1 });
    const [updated] = await entries(dry.id, 'UPDATED');
    expect(updated?.changes).toEqual([{ field: 'firstName', before: 'First400', after: 'Changed' }]);
    expect((await entries(dry.id, 'DEACTIVATED'))[0]).toMatchObject({
      primaryId: 'SIS401',
      changes: [{ field: 'status', before: 'ACTIVE', after: 'INACTIVE' }],
    });
    expect((await entries(dry.id, 'REJECTED'))[0]?.errors[0]?.field).toBe('user_group');
    expect(await userBy('SIS400')).toEqual(before);
    await expect(userBy('SIS402')).rejects.toThrow();

    const applied = await runs().apply(api.institution.id, dry.id, 'Test');
    await api.kernel.services.get(jobServices.jobs).waitFor(applied.jobId as string);
    const done = await runs().get(api.institution.id, applied.id);
    expect(done.counts).toMatchObject({ created: 1, updated: 1, rejected: 1, deactivated: 1 });
    expect((await userBy('SIS401')).status).toBe('INACTIVE');
    expect((await userBy('SIS400')).firstName).toBe('Changed');
  });

  it('applies the missing-users policies of a full load: nothing, or expiry and purge dates', async () => {
    const keep = await profile('KEEP');
    await run(keep.id, await xmlFile([syntheticUser(500), syntheticUser(501)]));
    const kept = await run(keep.id, await xmlFile([syntheticUser(500)]), { fullLoad: true });
    expect(kept.counts.deactivated).toBe(0);
    expect((await userBy('SIS501')).status).toBe('ACTIVE');

    const expire = await profile('EXPIRE', {
      missingUsers: { action: 'EXPIRE', expireAfterDays: 0, purgeAfterDays: 30 },
    });
    await run(expire.id, await xmlFile([syntheticUser(510), syntheticUser(511)]));
    const partial = await run(expire.id, await xmlFile([syntheticUser(510)]));
    expect(partial.counts.deactivated).toBe(0);
    const full = await run(expire.id, await xmlFile([syntheticUser(510)]), { fullLoad: true });
    expect(full.counts.deactivated).toBe(1);
    const today = full.createdAt.slice(0, 10);
    const purge = new Date(Date.parse(today) + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(await userBy('SIS511')).toMatchObject({ expiryDate: today, purgeDate: purge, status: 'ACTIVE' });
  });

  it('reads CSV through the saved column mapping, Alma JSON, and many XML files in one zip', async () => {
    const csvProfile = await profile('CSV', {
      format: 'sis.csv',
      defaults: { userGroup: 'UNDERGRAD' },
      csvMapping: [
        { column: 'ID', field: 'primary_id' },
        { column: 'Given', field: 'first_name' },
        { column: 'Family', field: 'last_name' },
        { column: 'Group', field: 'user_group' },
        { column: 'Mail', field: 'email.personal' },
      ],
    });
    const csv = await writeCsv(dir, 'load.csv', [
      ['ID', 'Given', 'Family', 'Group', 'Mail'],
      ['C1', 'Carla', 'Comma', 'UNDERGRAD', 'carla@example.edu'],
      ['C2', 'Cedric', 'Column', '', 'cedric@example.edu'],
    ]);
    const csvRun = await run(csvProfile.id, csv);
    expect(csvRun.counts).toMatchObject({ created: 2, rejected: 0 });
    expect(await userBy('C1')).toMatchObject({
      firstName: 'Carla',
      emails: [expect.objectContaining({ emailAddress: 'carla@example.edu' })],
    });

    const json = await profile('JSON', { format: 'sis.json' });
    const jsonRun = await run(
      json.id,
      await writeJsonUsers(dir, 'load.json', [syntheticUser(600), syntheticUser(601)]),
    );
    expect(jsonRun.counts.created).toBe(2);

    const zipped = await profile('ZIP');
    const zip = await writeZip(dir, 'load.zip', [
      { name: 'a.xml', content: sisXml([syntheticUser(700), syntheticUser(701)]) },
      { name: 'b.xml', content: sisXml([syntheticUser(702)]) },
    ]);
    const zipRun = await run(zipped.id, zip);
    expect(zipRun).toMatchObject({ total: 3, counts: { created: 3 } });
  });

  it("applies an institution's field mapper only where its plugin is enabled", async () => {
    const phd = (i: number) => syntheticUser(i, { job_description: 'PhD programme' });
    const p = await profile('MAPPED');
    const before = await run(p.id, await xmlFile([phd(800)]));
    expect(before.counts.created).toBe(1);
    expect((await userBy('SIS800')).userGroup).toBe('UNDERGRAD');
    await api.caller.platform.modules.enable({ moduleId: 'test-programme-groups' });
    await run(p.id, await xmlFile([phd(800)]));
    expect((await userBy('SIS800')).userGroup).toBe('GRAD');
    await api.caller.platform.modules.disable({ moduleId: 'test-programme-groups' });
  });

  it('a run killed after a batch and restarted finishes with the same result, no record loaded twice', async () => {
    const p = await profile('CRASH');
    const many = Array.from({ length: 1_200 }, (_, i) => syntheticUser(10_000 + i));
    const file = await xmlFile(many);
    const prisma = api.kernel.services.get(coreServices.prisma);
    const created = await prisma.sisRun.create({
      data: {
        institutionId: api.institution.id,
        profileId: p.id,
        fileName: 'crash.xml',
        filePath: file,
        fileSize: 1n,
        dryRun: false,
        fullLoad: false,
        startedBy: 'Test',
      },
    });
    const context = (signal: AbortSignal, onProgress: () => void) => ({
      jobId: crypto.randomUUID(),
      institutionId: api.institution.id,
      params: { runId: created.id },
      services: api.kernel.services,
      actor: 'job:sis.run',
      progress: async () => onProgress(),
      checkpoint: async () => undefined,
      previousReport: null,
      signal,
    });
    const killed = new AbortController();
    await expect(sisRunJob.run(context(killed.signal, () => killed.abort(new Error('killed'))))).rejects.toThrow();
    expect(await prisma.sisRun.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: 'RUNNING',
      cursor: 500,
      created: 500,
    });

    const report = await sisRunJob.run(context(new AbortController().signal, () => undefined));
    expect(report).toMatchObject({ processed: 1_200, created: 1_200, updated: 0, unchanged: 0, rejected: 0 });
    const count = await prisma.user.count({ where: { institutionId: api.institution.id, externalId: 'CRASH' } });
    expect(count).toBe(1_200);
    const history = await prisma.userHistoryEntry.count({
      where: { institutionId: api.institution.id, user: { externalId: 'CRASH' } },
    });
    expect(history).toBe(0);
  });

  it("loads a file dropped in a watching profile's inbox folder, once, as a full load", async () => {
    const p = await profile('INBOX', { watchFolder: true, missingUsers: { action: 'DEACTIVATE', expireAfterDays: 0 } });
    const inbox = join(api.kernel.services.get(coreServices.dataDir), 'sis-inbox', api.institution.code, 'INBOX');
    await mkdir(inbox, { recursive: true });
    const dropped = await writeSisXml(inbox, 'nightly.xml', [syntheticUser(1000), syntheticUser(1001)]);
    const workers = api.kernel.services.get(workerServices.workers);
    await workers.runOnce('sis.inbox');
    // Still being written, for all the worker knows.
    expect(await runs().list(api.institution.id, { profileId: p.id, limit: 5 })).toEqual([]);
    const old = new Date(Date.now() - 60_000);
    await utimes(dropped, old, old);
    await workers.runOnce('sis.inbox');
    const [started] = await runs().list(api.institution.id, { profileId: p.id, limit: 5 });
    await api.kernel.services.get(jobServices.jobs).waitFor(started?.jobId as string);
    expect(await runs().get(api.institution.id, started?.id as string)).toMatchObject({
      fileName: 'nightly.xml',
      fullLoad: true,
      status: 'SUCCEEDED',
      counts: { created: 2 },
    });
    expect(await readdir(join(inbox, 'processed'))).toEqual([expect.stringMatching(/-nightly\.xml$/)]);
    await workers.runOnce('sis.inbox');
    expect(await runs().list(api.institution.id, { profileId: p.id, limit: 5 })).toHaveLength(1);
  });

  it('another institution sees none of the profiles and runs', async () => {
    const p = await profile('MINE');
    const mine = await run(p.id, await xmlFile([syntheticUser(900)]));
    const other = await api.createInstitution({ modules: MODULES });
    const there = api.callerFor({ institutionId: other.id, permissions: new Set(api.kernel.permissions.keys()) });
    expect(await there.sis.profiles.list()).toEqual([]);
    expect(await there.sis.runs.list({})).toEqual([]);
    await expect(there.sis.runs.get({ id: mine.id })).rejects.toThrow(/not found/i);
    await expect(there.sis.runs.entries({ runId: mine.id })).rejects.toThrow(/not found/i);
    await expect(there.sis.profiles.get({ id: p.id })).rejects.toThrow(/not found/i);
    expect(await readFile(BERKELEY, 'utf8')).toContain('<users>');
  });
});
