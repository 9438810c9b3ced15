import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { basename, join } from 'node:path';
import { COURSES_MODULE, type CourseImportDto, courseImportsRef } from '@ulms/courses';
import { coreServices, jobServices, tenancyServices } from '@ulms/platform';
import { type BenchEnvironment, setUpBench } from '../bench-setup.js';
import { generateUser } from '../generate-users.js';
import { type EnrolmentFilePlan, writeEnrolmentFile } from '../load-enrolment-files.js';
import { loadUsers } from '../load-users.js';
import { seededRandom } from '../random.js';
import { once, round, type ScenarioResult, seconds, targetOf } from './scenario-result.js';

/** The target: 500,000 enrolments of 100,000 users loaded in under 20 seconds. */
const IMPORT_LIMIT_MS = 20_000;
/** One enrolment in twenty is missing from the full load's file: 5%. */
const DROP_EVERY = 20;
const USER_BATCH = 5_000;
const MB = 1024 * 1024;

/** The sizes of the courses scenarios. */
export interface CoursesScenarioOptions {
  /** The PostgreSQL server the scenarios' own fresh database is created on (PGlite in memory without). */
  readonly serverUrl: string | undefined;
  /** Users (100,000), each enrolled in `perUser` courses. */
  readonly users: number;
  /** Courses (2,000) the enrolments are drawn from. */
  readonly courses: number;
  /** Enrolments per user (5). */
  readonly perUser: number;
  readonly seed: number;
  readonly log: (line: string) => void;
}

const countsOf = (run: CourseImportDto) =>
  `${run.counts.added} added, ${run.counts.kept} kept, ${run.counts.removed} removed, ` +
  `${run.counts.rejected} rejected, ${run.counts.coursesCreated} courses created`;

/** The bench's generated users, loaded set-based: the enrolled users' and the staff instructors' primary ids. */
async function loadPopulation(env: BenchEnvironment, count: number, seed: number) {
  const random = seededRandom(seed);
  const primaryIds: string[] = [];
  const instructorIds: string[] = [];
  for (let start = 0; start < count; start += USER_BATCH) {
    const batch = Array.from({ length: Math.min(USER_BATCH, count - start) }, (_, i) =>
      generateUser(random, start + i),
    );
    await loadUsers(env.database.sql, env.institution.id, batch);
    for (const user of batch) {
      primaryIds.push(user.primaryId);
      if (user.recordType === 'STAFF') instructorIds.push(user.primaryId);
    }
  }
  return { primaryIds, instructorIds };
}

/** Watches the heap the process keeps: read after each full garbage collection (what is left is live then). */
function liveHeapWatch() {
  const readings: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) readings.push(process.memoryUsage().heapUsed);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: () => observer.disconnect(),
    describe: () =>
      readings.length === 0
        ? 'no full GC ran'
        : `live heap after each of ${readings.length} full GCs ${round(Math.min(...readings) / MB)}–` +
          `${round(Math.max(...readings) / MB)} MB`,
  };
}

/**
 * The courses module's target (its own fresh database): `users` generated users (100,000) loaded set-based, and a
 * CSV file of their enrolments (`perUser` = 5 each, 500,000 rows, of `courses` = 2,000 courses) in the default
 * mapping; measured through the import job, from the upload to its end: the initial import (every enrolment and
 * course new) < 20 s; the same file again, every enrolment kept; the dry run of a full load of a file without 5% of
 * the enrolments; and that full load, which marks the 95% it holds and removes the rest.
 */
export async function coursesScenarios(options: CoursesScenarioOptions): Promise<ScenarioResult[]> {
  const { log } = options;
  const results: ScenarioResult[] = [];
  const setUpStarted = performance.now();
  const env = await setUpBench(options.serverUrl);
  const dir = await mkdtemp(join(tmpdir(), 'ulms-bench-courses-'));
  const institutionId = env.institution.id;
  const dataDir = env.kernel.services.get(coreServices.dataDir);
  try {
    await env.kernel.services.get(tenancyServices.modules).enable(institutionId, COURSES_MODULE);
    const imports = env.kernel.services.get(courseImportsRef);
    const jobs = env.kernel.services.get(jobServices.jobs);
    const population = await loadPopulation(env, options.users, options.seed);
    // Statistics and the visibility map, as autovacuum would in time; the setup's writes flushed before the timing.
    await env.database.sql.exec('VACUUM ANALYZE');
    await env.database.sql.exec('CHECKPOINT');
    const usersMs = performance.now() - setUpStarted;
    log(`  courses: its own database, ${env.databaseLabel}, ${options.users} users loaded in ${seconds(usersMs)} s`);

    const filesStarted = performance.now();
    const plan: EnrolmentFilePlan = {
      ...population,
      courses: options.courses,
      perUser: options.perUser,
      seed: options.seed,
    };
    const whole = await writeEnrolmentFile(dir, 'enrolments.csv', plan);
    const partial = await writeEnrolmentFile(dir, 'enrolments-95.csv', plan, DROP_EVERY);
    const { size } = await stat(whole.path);
    const filesMs = performance.now() - filesStarted;
    const missing = whole.rows - partial.rows;

    /** Imports `path` to its end, as an upload would: from the upload to the import's end. */
    const runImport = async (path: string, fullLoad: boolean, dryRun = false) => {
      const loadBefore = loadavg()[0] ?? 0;
      const heap = liveHeapWatch();
      const started = performance.now();
      const run = await imports.start(institutionId, {
        fileName: basename(path),
        content: createReadStream(path),
        dryRun,
        fullLoad,
        startedBy: 'bench',
      });
      if (!run.jobId) throw new Error(`courses: import ${run.id} has no job (${run.status}: ${run.error ?? ''})`);
      await jobs.waitFor(run.jobId).finally(() => heap.stop());
      const ms = performance.now() - started;
      const done = await imports.get(institutionId, run.id);
      if (done.status !== 'SUCCEEDED')
        throw new Error(
          `courses: the import of ${basename(path)} ${done.status}: ${done.error ?? ''} (${countsOf(done)})`,
        );
      // The job's own run: from the import's creation (the file stored) to its end.
      const jobMs = done.finishedAt ? Date.parse(done.finishedAt) - Date.parse(done.createdAt) : Number.NaN;
      // What else the shared machine did meanwhile: the 1-minute load average before and after.
      const load = `load average ${round(loadBefore, 2)} → ${round(loadavg()[0] ?? 0, 2)}`;
      const heapGrowth = heap.describe();
      return { run: done, ms, jobMs, load, heapGrowth };
    };
    const expect = async (
      what: string,
      run: CourseImportDto,
      counts: Partial<CourseImportDto['counts']>,
      held: number,
    ) => {
      const wrong = Object.entries(counts).filter(([k, v]) => run.counts[k as keyof CourseImportDto['counts']] !== v);
      const [stored] = await env.database.sql.query<{ enrolments: number }>(
        `SELECT count(*)::int AS enrolments FROM "CourseEnrolment" WHERE "institutionId" = $1::uuid`,
        [institutionId],
      );
      if (wrong.length > 0 || run.counts.processed !== run.total || stored?.enrolments !== held)
        throw new Error(
          `courses: ${what}: ${countsOf(run)} of ${run.total}, ${stored?.enrolments} stored; expected ` +
            `${JSON.stringify(counts)}, ${held} stored`,
        );
    };
    const rate = (rows: number, ms: number) => `${Math.round((rows / ms) * 1000)} rows/s`;

    // 1. The initial import: every enrolment and every course new.
    const initial = await runImport(whole.path, false);
    await expect('the initial import', initial.run, { added: whole.rows, kept: 0, rejected: 0 }, whole.rows);
    log(`  courses: initial import of ${whole.rows} enrolments in ${seconds(initial.ms)} s (${countsOf(initial.run)})`);
    results.push({
      name: `courses: import ${whole.rows} enrolments of ${options.users} users, all new (job courses.import)`,
      product: once(initial.ms, whole.rows),
      target: targetOf('worst', IMPORT_LIMIT_MS, initial.ms),
      notes:
        `${seconds(initial.ms)} s from the upload to SUCCEEDED (the job's own run ${seconds(initial.jobMs)} s, ${initial.load}), ` +
        `${rate(whole.rows, initial.ms)}; ${countsOf(initial.run)}; ${initial.heapGrowth}; setup: ${options.users} users loaded set-based in ` +
        `${seconds(usersMs)} s, the files (${round(size / MB)} MB, ${options.courses} courses, ${options.perUser} per ` +
        `user, rows grouped by user) written in ${seconds(filesMs)} s; default CSV mapping, batches of 5,000`,
    });
    // As autovacuum would in time, before the next day's file: statistics and the visibility map.
    await env.database.sql.exec('VACUUM ANALYZE "Course", "CourseInstructor", "CourseEnrolment"');

    // 2. The same file again: every enrolment kept.
    const again = await runImport(whole.path, false);
    await expect(
      'the re-import',
      again.run,
      { added: 0, kept: whole.rows, rejected: 0, coursesCreated: 0 },
      whole.rows,
    );
    log(`  courses: re-import of the same ${whole.rows} enrolments in ${seconds(again.ms)} s (${countsOf(again.run)})`);
    results.push({
      name: `courses: the same ${whole.rows} enrolments again, all kept (job courses.import)`,
      product: once(again.ms, whole.rows),
      notes:
        `${seconds(again.ms)} s from the upload to SUCCEEDED (the job's own run ${seconds(again.jobMs)} s, ${again.load}), ` +
        `${rate(whole.rows, again.ms)}; ${countsOf(again.run)}`,
    });

    // 3. The dry run of that full load: what it would remove listed, nothing changed, its memory flat.
    const dry = await runImport(partial.path, true, true);
    await expect(
      'the dry run of the full load',
      dry.run,
      { added: 0, kept: partial.rows, rejected: 0, removed: missing, coursesCreated: 0 },
      whole.rows,
    );
    log(`  courses: dry run of the full load in ${seconds(dry.ms)} s (${countsOf(dry.run)}; ${dry.heapGrowth})`);
    results.push({
      name: `courses: dry run of a full load of ${partial.rows} enrolments, ${missing} would be removed (job courses.import)`,
      product: once(dry.ms, partial.rows),
      notes:
        `${seconds(dry.ms)} s from the upload to SUCCEEDED (the job's own run ${seconds(dry.jobMs)} s, ${dry.load}), ` +
        `${rate(partial.rows, dry.ms)}; ${countsOf(dry.run)}; ${dry.heapGrowth}`,
    });

    // 4. A full load of the file without 5% of the enrolments: the 95% marked as held, the rest removed.
    const full = await runImport(partial.path, true);
    await expect(
      'the full load',
      full.run,
      { added: 0, kept: partial.rows, rejected: 0, removed: missing, coursesCreated: 0 },
      partial.rows,
    );
    log(`  courses: full load of ${partial.rows} enrolments in ${seconds(full.ms)} s (${countsOf(full.run)})`);
    results.push({
      name: `courses: full load of ${partial.rows} enrolments, ${missing} missing removed (job courses.import)`,
      product: once(full.ms, partial.rows),
      notes:
        `${seconds(full.ms)} s from the upload to SUCCEEDED (the job's own run ${seconds(full.jobMs)} s, ${full.load}), ` +
        `${rate(partial.rows, full.ms)}; ${countsOf(full.run)}; every 20th enrolment of the file left out; ${full.heapGrowth}`,
    });
  } finally {
    await env.close();
    await rm(dir, { recursive: true, force: true });
    // The files the imports stored, of this fresh institution.
    await rm(join(dataDir, 'courses', institutionId), { recursive: true, force: true });
  }
  return results;
}
