import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authServices, coreServices, definePlugin, jobServices } from '@ulms/platform';
import { type RestTestServer, serveRestForTest, startTestApi, type TestApi } from '@ulms/platform/testing';
// A shipped module's tests start the modules it builds on themselves (the catalogue lists this module).
// eslint-disable-next-line no-restricted-imports
import { usersPlugin } from '@ulms/users';
import { usersServices } from '@ulms/users/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CourseImportDto,
  coursesExtensionPoints,
  type EnrolmentField,
  type EnrolmentRow,
} from '../contracts/index.js';
import { writeEnrolmentCsv } from '../testing/enrolment-files.js';
import { courseImportJob } from './course-import.job.js';
import { courseImportsRef } from './courses-refs.js';
import { coursesPlugin } from './courses.plugin.js';

/** An institution's rule: enrolled students get the Patron role until their course ends. */
const termPatronsPlugin = definePlugin({
  id: 'test-term-patrons',
  title: 'Patrons until the term ends',
  dependsOn: ['courses'],
  register(env) {
    env.contributeWith(coursesExtensionPoints.enrolmentRules, {
      deps: { users: usersServices.users },
      factory: ({ users }) => ({
        id: 'test-term-patrons.patron-role',
        async apply(by, changes) {
          for (const change of changes) {
            if (change.change !== 'ADDED' || !change.course.endDate) continue;
            const user = await users.get(by.institutionId, change.userId);
            const role = user.roles.find((r) => r.role === 'PATRON');
            if (!role) {
              await users.addRole(by, { userId: user.id, role: 'PATRON', expiryDate: change.course.endDate });
            } else if ((role.expiryDate ?? '') < change.course.endDate) {
              await users.updateRole(by, { userId: user.id, id: role.id, expiryDate: change.course.endDate });
            }
          }
        },
      }),
    });
  },
});

type Api = TestApi<readonly [typeof usersPlugin, typeof coursesPlugin, typeof termPatronsPlugin]>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const MODULES = ['users', 'courses'];
const FIELDS: EnrolmentField[] = [
  'course_code',
  'section',
  'course_name',
  'term',
  'start_date',
  'end_date',
  'status',
  'instructors',
  'user_primary_id',
  'enrolled_since',
];

let api: Api;
let rest: RestTestServer;
let dir: string;
let files = 0;

const imports = () => api.kernel.services.get(courseImportsRef);
const courses = () => api.caller.courses;

const history = async (userId: string) =>
  (await api.caller.users.history({ id: userId, field: 'courses', page: 0, pageSize: 50 })).entries.map(
    (e) => `${e.oldValue ?? ''} → ${e.newValue ?? ''}`,
  );

async function student(primaryId: string, institution = api.institution.id): Promise<string> {
  const users = api.kernel.services.get(usersServices.users);
  const saved = await users.create(
    { institutionId: institution, actor: 'Test' },
    { recordType: 'PUBLIC', primaryId, firstName: 'Stu', lastName: primaryId, userGroup: 'UNDERGRAD' },
  );
  if (saved.status !== 'saved') throw new Error(`${primaryId} was not saved`);
  return saved.user.id;
}

/** Imports `path` to the end, as an upload would. */
async function runImport(
  path: string,
  options: { dryRun?: boolean; fullLoad?: boolean; institution?: string } = {},
): Promise<CourseImportDto> {
  const institution = options.institution ?? api.institution.id;
  const started = await imports().start(institution, {
    fileName: path.split('/').at(-1) ?? 'file',
    content: createReadStream(path),
    dryRun: options.dryRun ?? false,
    fullLoad: options.fullLoad ?? false,
    startedBy: 'Test',
  });
  await api.kernel.services.get(jobServices.jobs).waitFor(started.jobId as string);
  return imports().get(institution, started.id);
}

/** An import's record, for a test that runs its job itself. */
const importRecord = (filePath: string, options: { dryRun: boolean; fullLoad: boolean }) =>
  api.kernel.services.get(coreServices.prisma).courseImport.create({
    data: {
      institutionId: api.institution.id,
      fileName: filePath.split('/').at(-1) ?? 'file',
      filePath,
      fileSize: 1n,
      format: 'csv',
      ...options,
      startedBy: 'Test',
    },
  });

/** The job's context for an import, reporting each batch's progress to `onProgress`. */
const jobContext = (importId: string, signal: AbortSignal, onProgress: () => void) => ({
  jobId: crypto.randomUUID(),
  institutionId: api.institution.id,
  params: { importId },
  services: api.kernel.services,
  actor: 'job:courses.import',
  progress: async () => onProgress(),
  checkpoint: async () => undefined,
  previousReport: null,
  signal,
});

const csv = (rows: EnrolmentRow[], fields = FIELDS) =>
  writeEnrolmentCsv(dir, `enrolments-${(files += 1)}.csv`, rows, { fields });
const entries = async (importId: string, outcome?: 'ADDED' | 'REJECTED' | 'REMOVED') =>
  (await imports().entries(api.institution.id, { importId, outcome, after: -1, limit: 200 })).entries;
const enrolmentsOf = async (userId: string, filters: { term?: string; status?: 'ACTIVE' | 'INACTIVE' } = {}) =>
  (await courses().enrolments.list({ userId, ...filters })).enrolments.map(
    (e) => `${e.course.code}${e.course.section ? `-${e.course.section}` : ''}`,
  );

const hist = (user: string, more: EnrolmentRow = {}): EnrolmentRow => ({
  course_code: 'HIST101',
  section: '01',
  course_name: 'History of Europe',
  term: 'AUTUMN2026',
  start_date: '2026-09-01',
  end_date: '2026-12-18',
  status: 'ACTIVE',
  instructors: ['prof-1'],
  user_primary_id: user,
  ...more,
});
const bio = (user: string): EnrolmentRow => ({
  course_code: 'BIO110',
  course_name: 'Cell Biology',
  term: 'SPRING2026',
  start_date: '2026-01-12',
  end_date: '2026-05-15',
  status: 'INACTIVE',
  user_primary_id: user,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courses-test-'));
  api = (await startTestApi({
    plugins: [usersPlugin, coursesPlugin, termPatronsPlugin],
    institution: { modules: [...MODULES, 'test-term-patrons'] },
  })) as unknown as Api;
  rest = await serveRestForTest(api as never, [usersPlugin, coursesPlugin]);
  await api.caller.users.codeTables.save({ table: 'USER_GROUP', code: 'UNDERGRAD', description: 'Undergraduate' });
  for (const id of ['prof-1', 'prof-2']) await student(id);
});
afterAll(async () => {
  await rest.close();
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

describe(`course enrolments (${database})`, () => {
  it('imports a CSV: courses created with their instructors, enrolments added, a rejected row reported', async () => {
    const ann = await student('imp-ann');
    const ben = await student('imp-ben');
    const path = await csv([
      hist('imp-ann', { enrolled_since: '2026-08-20' }),
      bio('imp-ann'),
      hist('imp-ben', { section: '02', instructors: ['prof-2'] }),
      hist('imp-nobody'),
      { ...bio('imp-ben'), start_date: '2026-13-01' },
      hist('imp-ann'),
    ]);
    const done = await runImport(path);
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      total: 6,
      counts: { processed: 6, added: 3, kept: 1, rejected: 2, removed: 0, coursesCreated: 3 },
    });
    expect((await entries(done.id, 'REJECTED')).map((e) => [e.seq, e.userPrimaryId, e.errors])).toEqual([
      [3, 'imp-nobody', [{ field: 'user_primary_id', message: 'no user has the primary identifier "imp-nobody"' }]],
      [4, 'imp-ben', [{ field: 'start_date', message: '"2026-13-01" is not a date (YYYY-MM-DD)' }]],
    ]);
    const rejects = await imports().rejectsFile(api.institution.id, done.id);
    let text = '';
    for await (const chunk of rejects.content) text += Buffer.from(chunk).toString('utf8');
    expect(text.split('\n')[1]).toBe(
      '4,imp-nobody,HIST101,01,user_primary_id,"no user has the primary identifier ""imp-nobody"""',
    );

    const page = await courses().enrolments.list({ userId: ann });
    expect(page.total).toBe(2);
    expect(page.terms).toEqual(['AUTUMN2026', 'SPRING2026']);
    expect(page.enrolments.map((e) => [e.course.code, e.course.section, e.enrolledSince])).toEqual([
      ['BIO110', '', new Date().toISOString().slice(0, 10)],
      ['HIST101', '01', '2026-08-20'],
    ]);
    const section1 = page.enrolments[1]?.course;
    expect(section1).toMatchObject({ name: 'History of Europe', term: 'AUTUMN2026', endDate: '2026-12-18' });
    expect(section1?.instructors.map((i) => i.primaryId)).toEqual(['prof-1']);
    expect(await enrolmentsOf(ben)).toEqual(['HIST101-02']);
    expect(await history(ann)).toEqual([' → BIO110; HIST101-01']);
  });

  it('changes nothing on a dry run, then applies it', async () => {
    const cy = await student('dry-cy');
    const path = await csv([hist('dry-cy'), hist('dry-nobody')]);
    const dry = await runImport(path, { dryRun: true });
    expect(dry.counts).toMatchObject({ added: 1, rejected: 1 });
    expect((await entries(dry.id, 'ADDED')).map((e) => e.userPrimaryId)).toEqual(['dry-cy']);
    expect(await enrolmentsOf(cy)).toEqual([]);
    const applied = await courses().imports.applyDryRun({ id: dry.id });
    await api.kernel.services.get(jobServices.jobs).waitFor(applied.jobId as string);
    expect((await imports().get(api.institution.id, applied.id)).counts).toMatchObject({ added: 1, rejected: 1 });
    expect(await enrolmentsOf(cy)).toEqual(['HIST101-01']);
    await expect(courses().imports.applyDryRun({ id: dry.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('runs one import at a time in an institution: a second is refused and its file not kept', async () => {
    const running = await importRecord(await csv([hist('prof-1')]), { dryRun: false, fullLoad: false });
    const prisma = api.kernel.services.get(coreServices.prisma);
    await prisma.courseImport.update({ where: { id: running.id }, data: { status: 'RUNNING' } });
    const stored = join(api.kernel.services.get(coreServices.dataDir), 'courses', api.institution.id);
    const before = await readdir(stored);
    try {
      await expect(runImport(await csv([hist('prof-2')]))).rejects.toThrow('an enrolment import is in progress');
      expect(await readdir(stored)).toEqual(before);
    } finally {
      await prisma.courseImport.update({ where: { id: running.id }, data: { status: 'FAILED' } });
    }
  });

  it('removes on a full load the enrolments missing from the file, with History and the report', async () => {
    const dee = await student('full-dee');
    await runImport(await csv([hist('full-dee'), bio('full-dee')]));
    const everyone = await api.kernel.services
      .get(usersServices.search)
      .matching(api.institution, { filters: { 'courses.enrolledIn': 'HIST101' } });
    const file = await csv(everyone.flatMap((u) => (u.primaryId.startsWith('prof') ? [] : [hist(u.primaryId)])));
    const dry = await runImport(file, { dryRun: true, fullLoad: true });
    expect(dry.counts.removed).toBeGreaterThanOrEqual(2);
    expect((await entries(dry.id, 'REMOVED')).map((e) => `${e.userPrimaryId} ${e.courseCode}`)).toContain(
      'full-dee BIO110',
    );
    expect(await enrolmentsOf(dee)).toEqual(['BIO110', 'HIST101-01']);

    const full = await runImport(file, { fullLoad: true });
    expect(full.counts.removed).toBe(dry.counts.removed);
    expect(await enrolmentsOf(dee)).toEqual(['HIST101-01']);
    expect(await history(dee)).toContain('BIO110 → ');
  });

  it('imports JSON (a list under "enrollment", and JSON Lines), refusing a field it does not know by name', async () => {
    const eve = await student('json-eve');
    const list = join(dir, 'enrolments.json');
    await writeFile(
      list,
      JSON.stringify({
        total_record_count: 2,
        enrollment: [
          { ...bio('json-eve'), instructors: [{ primary_id: 'prof-2' }] },
          { ...hist('json-eve'), grade: 'A' },
        ],
      }),
    );
    const done = await runImport(list);
    expect(done.counts).toMatchObject({ added: 1, rejected: 1 });
    expect((await entries(done.id, 'REJECTED'))[0]?.errors).toEqual([
      { field: 'row', message: 'grade: is not an enrolment field' },
    ]);
    const lines = join(dir, 'enrolments.jsonl');
    await writeFile(lines, `${JSON.stringify(hist('json-eve'))}\nnot json\n`);
    const second = await runImport(lines);
    expect(second.counts).toMatchObject({ added: 1, rejected: 1 });
    expect(await enrolmentsOf(eve)).toEqual(['BIO110', 'HIST101-01']);
  });

  it('lists a user’s enrolments by term and status; removes one, and all after a confirmation of the number', async () => {
    const fay = await student('tab-fay');
    await runImport(await csv([hist('tab-fay'), hist('tab-fay', { section: '02' }), bio('tab-fay')]));
    expect(await enrolmentsOf(fay, { term: 'SPRING2026' })).toEqual(['BIO110']);
    expect(await enrolmentsOf(fay, { status: 'ACTIVE' })).toEqual(['HIST101-01', 'HIST101-02']);
    const first = await courses().enrolments.list({ userId: fay, limit: 1 });
    expect(first.next).not.toBeNull();
    const second = await courses().enrolments.list({ userId: fay, limit: 1, after: first.next ?? undefined });
    expect(second.enrolments[0]?.course.code).toBe('HIST101');

    const bioEnrolment = (await courses().enrolments.list({ userId: fay, term: 'SPRING2026' })).enrolments[0];
    expect(await courses().enrolments.remove({ id: bioEnrolment?.id ?? '' })).toEqual({ removed: 1, ruleError: null });
    await expect(courses().enrolments.remove({ id: bioEnrolment?.id ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(courses().enrolments.removeAll({ userId: fay, expected: 3 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await enrolmentsOf(fay)).toHaveLength(2);
    expect(await courses().enrolments.removeAll({ userId: fay, expected: 2 })).toEqual({ removed: 2, ruleError: null });
    expect(await enrolmentsOf(fay)).toEqual([]);
    expect((await history(fay)).slice(0, 2)).toEqual(['HIST101-01; HIST101-02 → ', 'BIO110 → ']);
  });

  it('removes a deleted user’s enrolments and instructor places', async () => {
    const gil = await student('del-gil');
    const prof = await student('del-prof');
    await runImport(await csv([hist('del-gil', { course_code: 'DEL100', instructors: ['del-prof'] })]));
    const course = (await courses().list({ query: 'DEL100' })).courses[0];
    expect(course).toMatchObject({ participants: 1, instructors: [{ primaryId: 'del-prof' }] });
    await api.caller.users.delete({ id: gil });
    await api.caller.users.delete({ id: prof });
    expect(await courses().get({ id: course?.id ?? '' })).toMatchObject({ participants: 0, instructors: [] });
  });

  it('filters Find and Manage Users by course and counts each user’s courses in the Courses column', async () => {
    const hal = await student('find-hal');
    await student('find-ida');
    await runImport(await csv([{ ...hist('find-hal'), course_code: 'FIND300' }, { ...bio('find-hal') }]));
    const page = await api.caller.users.search({ filters: { 'courses.enrolledIn': 'find300' } });
    expect(page.rows.map((r) => r.primaryId)).toEqual(['find-hal']);
    expect(page.rows[0]?.extra['courses.enrolments']).toBe(2);
    expect(page.filters).toEqual([
      { id: 'courses.enrolledIn', label: 'Enrolled in course', placeholder: 'Course code' },
    ]);
    expect(page.columns).toContainEqual({ id: 'courses.enrolments', title: 'Courses' });
    await expect(api.caller.users.search({ filters: { 'nope.filter': 'x' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(hal).toBeTruthy();
  });

  it('applies an enrolment rule only where its plugin is enabled', async () => {
    const ivy = await student('rule-ivy');
    await runImport(await csv([hist('rule-ivy')]));
    const roles = (await api.caller.users.get({ id: ivy })).roles;
    expect(roles.map((r) => [r.role, r.expiryDate])).toContainEqual(['PATRON', '2026-12-18']);

    const other = await api.createInstitution({ modules: MODULES });
    const there = api.callerFor({ institutionId: other.id, permissions: new Set(api.kernel.permissions.keys()) });
    await there.users.codeTables.save({ table: 'USER_GROUP', code: 'UNDERGRAD', description: 'Undergraduate' });
    await student('prof-1', other.id);
    const jay = await student('rule-jay', other.id);
    const done = await runImport(await csv([hist('rule-jay')]), { institution: other.id });
    expect(done.counts.added).toBe(1);
    expect((await there.users.get({ id: jay })).roles.map((r) => r.role)).not.toContain('PATRON');
    // Isolation: neither institution sees the other's courses, enrolments or imports.
    expect((await there.courses.list({})).courses.map((c) => c.code)).toEqual(['HIST101']);
    await expect(there.courses.enrolments.list({ userId: ivy })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      there.courses.imports.get({ id: (await imports().list(api.institution.id, { limit: 1 }))[0]?.id ?? '' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('saves the CSV column mapping at the version read, refusing a field it does not know by name', async () => {
    const mapping = await courses().mapping.get();
    expect(mapping.columns.map((c) => c.field)).toContain('user_primary_id');
    await expect(
      courses().mapping.save({ columns: [{ column: 'Student', field: 'user_id' as EnrolmentField }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const saved = await courses().mapping.save({
      delimiter: ';',
      version: mapping.version,
      columns: [
        { column: 'Course', field: 'course_code' },
        { column: 'Title', field: 'course_name' },
        { column: 'Student', field: 'user_primary_id' },
      ],
    });
    await expect(
      courses().mapping.save({ columns: [...saved.columns], version: mapping.version }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const kim = await student('map-kim');
    const path = join(dir, 'mapped.csv');
    await writeFile(path, 'Student;Course;Title;Extra\nmap-kim;MAP400;Mapped course;x\n');
    expect((await runImport(path)).counts).toMatchObject({ added: 1, coursesCreated: 1 });
    expect(await enrolmentsOf(kim)).toEqual(['MAP400']);
    await courses().mapping.save({
      delimiter: ',',
      columns: [...mapping.columns],
      version: saved.version,
    });
  });

  it('an import killed after a batch and restarted finishes with the same result, no row loaded twice', async () => {
    const students = await Promise.all(Array.from({ length: 100 }, (_, i) => student(`crash-${i}`)));
    const rows = students.flatMap((_, i) =>
      Array.from({ length: 120 }, (_, c) => hist(`crash-${i}`, { course_code: `CRASH${c}`, instructors: [] })),
    );
    const file = await csv(rows);
    const prisma = api.kernel.services.get(coreServices.prisma);
    const created = await importRecord(file, { dryRun: false, fullLoad: false });
    const context = (signal: AbortSignal, onProgress: () => void) => jobContext(created.id, signal, onProgress);
    const killed = new AbortController();
    await expect(
      courseImportJob.run(context(killed.signal, () => killed.abort(new Error('killed')))),
    ).rejects.toThrow();
    expect(await prisma.courseImport.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: 'RUNNING',
      cursor: 5_000,
      added: 5_000,
    });

    const report = await courseImportJob.run(context(new AbortController().signal, () => undefined));
    expect(report).toMatchObject({ processed: 12_000, added: 12_000, kept: 0, rejected: 0, coursesCreated: 120 });
    expect(await prisma.courseEnrolment.count({ where: { userId: { in: students } } })).toBe(12_000);
    // One History entry per user and batch: two users' rows straddle a batch's end.
    expect(await prisma.userHistoryEntry.count({ where: { userId: { in: students }, field: 'courses' } })).toBe(102);
  }, 120_000);

  it('a dry run of a full load killed after a batch goes on from its marks: the same report as one run whole', async () => {
    // The 100 students of the test above hold CRASH0–CRASH119; the file holds CRASH0–CRASH59 and one new course
    // for each, whose first row comes again in the second batch.
    const held = Array.from({ length: 100 }, (_, i) =>
      Array.from({ length: 60 }, (_, c) => hist(`crash-${i}`, { course_code: `CRASH${c}`, instructors: [] })),
    ).flat();
    const fresh = Array.from({ length: 100 }, (_, i) => hist(`crash-${i}`, { course_code: 'DRYNEW', instructors: [] }));
    const file = await csv([...fresh, ...held, fresh[0] as EnrolmentRow]);
    const prisma = api.kernel.services.get(coreServices.prisma);
    const enrolments = await prisma.courseEnrolment.count({ where: { institutionId: api.institution.id } });
    const expected = {
      processed: 6_101,
      added: 100,
      kept: 6_001,
      rejected: 0,
      removed: enrolments - 6_000,
      coursesCreated: 1,
    };

    const whole = await runImport(file, { dryRun: true, fullLoad: true });
    expect(whole.counts).toMatchObject(expected);

    const created = await importRecord(file, { dryRun: true, fullLoad: true });
    const killed = new AbortController();
    await expect(
      courseImportJob.run(jobContext(created.id, killed.signal, () => killed.abort(new Error('killed')))),
    ).rejects.toThrow();
    expect(await prisma.courseImport.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ cursor: 5_000 });
    expect(await prisma.courseImportMark.count({ where: { importId: created.id } })).toBeGreaterThan(0);
    let progressed = 0;
    const report = await courseImportJob.run(jobContext(created.id, new AbortController().signal, () => progressed++));
    expect(report).toMatchObject(expected);
    // The second batch and the end: the first is not read again.
    expect(progressed).toBe(2);
    expect((await entries(created.id, 'ADDED')).map((e) => e.userPrimaryId).sort()).toEqual(
      (await entries(whole.id, 'ADDED')).map((e) => e.userPrimaryId).sort(),
    );
    // Nothing changed, and the marks are gone with the runs.
    expect(await prisma.courseEnrolment.count({ where: { institutionId: api.institution.id } })).toBe(enrolments);
    expect(await prisma.course.count({ where: { code: 'DRYNEW' } })).toBe(0);
    expect(await prisma.courseImportMark.count({ where: { importId: { in: [whole.id, created.id] } } })).toBe(0);
  }, 120_000);

  it('answers the REST API’s course reads in the Alma shapes, to keys of the institution holding the permission', async () => {
    const key = await rest.createKey({ permissions: ['courses.course.read'] });
    const noRead = await rest.createKey({ permissions: ['users.user.read'] });
    const get = async (path: string, apiKey = key, xml = false) => {
      const response = await fetch(`${rest.base}${path}`, {
        headers: { authorization: `apikey ${apiKey}`, ...(xml ? { accept: 'application/xml' } : {}) },
      });
      const text = await response.text();
      return { status: response.status, text, json: (xml ? null : JSON.parse(text)) as Json };
    };
    const found = await get('/courses?q=code~HIST101 AND term~autumn2026&limit=5');
    expect(found.status).toBe(200);
    expect(found.json['total_record_count']).toBeGreaterThanOrEqual(2);
    const course = (found.json['course'] as Json[]).find((c) => c['section'] === '01') as Json;
    expect(course).toMatchObject({
      code: 'HIST101',
      name: 'History of Europe',
      status: 'ACTIVE',
      start_date: '2026-09-01Z',
      end_date: '2026-12-18Z',
      term: [{ value: 'AUTUMN2026' }],
      instructor: [{ primary_id: 'prof-1', first_name: 'Stu', last_name: 'prof-1' }],
      link: `${rest.base}/courses/${course['id']}`,
    });
    const one = await get(`/courses/${course['id']}`);
    expect(one.json['id']).toBe(course['id']);
    const enrolled = await get(`/courses/${course['id']}/enrollments?limit=100`);
    expect(enrolled.json['total_record_count']).toBe(course['participants']);
    expect((enrolled.json['enrollment'] as Json[])[0]).toMatchObject({ user: { value: expect.any(String) } });
    const xml = await get(`/courses?q=code~HIST101 AND name~history_of`, key, true);
    expect(xml.text).toMatch(/<courses total_record_count="\d+"><course>/);
    expect(xml.text).toContain('<instructors><instructor><primary_id>prof-1</primary_id>');
    expect((await get('/courses?q=colour~red')).status).toBe(400);
    expect((await get('/courses', noRead)).status).toBe(403);
    expect((await get(`/courses/not-a-course`)).status).toBe(404);

    const other = await api.createInstitution({ modules: MODULES });
    const otherKey = (
      await api.kernel.services
        .get(authServices.apiKeys)
        .create(other.id, { name: 'other', permissions: ['courses.course.read'] }, null)
    ).key;
    expect((await get(`/courses/${course['id']}`, otherKey)).status).toBe(404);
    expect((await get(`/courses/${course['id']}/enrollments`, otherKey)).status).toBe(404);
    expect((await get('/courses', otherKey)).json['total_record_count']).toBe(0);
  });
});
