import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { coreServices, jobServices, tenancyServices } from '@ulms/platform';
import {
  SIS_MODULE,
  sisExtensionPoints,
  type SisProfileSettings,
  sisProfilesRef,
  type SisRunDto,
  sisRunsRef,
} from '@ulms/sis';
import { identifierKey } from '@ulms/users/contracts';
import { type BenchEnvironment, setUpBench } from '../bench-setup.js';
import { changedCount, initialUser, type SisFilePlan, synchronisedUser, writeSisFile } from '../load-sis-files.js';
import { once, round, type ScenarioResult, seconds, targetOf } from './scenario-result.js';

/** The targets for the SIS module. */
const SYNC_LIMIT_MS = 30_000;
const RERUN_LIMIT_MS = 10_000;
const RSS_LIMIT_MB = 500;
const PROFILE_CODE = 'BENCH_SIS';
const MB = 1024 * 1024;

/** The sizes of the SIS scenarios. */
export interface SisScenarioOptions {
  /** The PostgreSQL server the scenarios' own fresh database is created on (PGlite in memory without). */
  readonly serverUrl: string | undefined;
  /** Users of the initial load (80,000); 30% of them change in the synchronised file. */
  readonly base: number;
  /** New users of the synchronised file (20,000): it holds base + fresh users. */
  readonly fresh: number;
  /** Users of the memory file (1,000,000); 0 skips the memory scenario. */
  readonly memoryUsers: number;
  /** Users of the smaller dry run the 1M dry run is projected from (200,000). */
  readonly dryRunSample: number;
  /** The 1M dry run runs only when projected to end within this (6 minutes). */
  readonly dryRunBudgetMs: number;
  readonly log: (line: string) => void;
}

/** A figure beyond a timing the SIS scenarios report: the memory target's. */
export interface SisMemoryFigure {
  readonly figure: 'peak RSS';
  readonly limitMb: number;
  readonly valueMb: number;
  readonly ratio: number;
  readonly met: boolean;
  readonly baselineMb: number;
  readonly peakHeapUsedMb: number;
  readonly samples: number;
}

/** A line of the report, with the memory target's figure where it has one. */
type SisScenarioResult = ScenarioResult & { readonly memory?: SisMemoryFigure };

/** The process's resident set size (and heap) sampled every 100 ms until stopped: its peak. */
function rssSampler() {
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  let samples = 0;
  const sample = () => {
    const now = process.memoryUsage();
    samples += 1;
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const timer = setInterval(sample, 100);
  return {
    stop(): Omit<SisMemoryFigure, 'figure' | 'limitMb' | 'ratio' | 'met'> {
      clearInterval(timer);
      sample();
      return {
        valueMb: round(peakRss / MB),
        baselineMb: round(baseline.rss / MB),
        peakHeapUsedMb: round(peakHeap / MB),
        samples,
      };
    },
  };
}

const memoryFigure = (measured: ReturnType<ReturnType<typeof rssSampler>['stop']>): SisMemoryFigure => ({
  figure: 'peak RSS',
  limitMb: RSS_LIMIT_MB,
  ratio: round(measured.valueMb / RSS_LIMIT_MB, 2),
  met: measured.valueMb < RSS_LIMIT_MB,
  ...measured,
});

const countsOf = (run: SisRunDto) =>
  `${run.counts.created} created, ${run.counts.updated} updated, ${run.counts.unchanged} unchanged, ` +
  `${run.counts.rejected} rejected`;

/**
 * The SIS module's targets (its own fresh database: the users belong to the profile). A profile `BENCH_SIS`
 * (`sis.xml`, SYNCHRONIZE, matching on the primary identifier) loads `base` users (80,000, setup, timed too); then
 * the measured synchronise of `base + fresh` users (100,000: the 80,000 with 30% of them — 24,000 — changed, last
 * name or email, plus 20,000 new) < 30 s, from the upload to the run's end; the same file again, all unchanged,
 * < 10 s; and the process's peak RSS < 500 MB while a run reads a `memoryUsers` file (1,000,000): the file read,
 * mapped and hashed alone, a dry run of `dryRunSample` (200,000, all new), and the dry run of the whole file when
 * the smaller one projects it to end within `dryRunBudgetMs`.
 */
export async function sisScenarios(options: SisScenarioOptions): Promise<ScenarioResult[]> {
  const { base, fresh, log } = options;
  const plan: SisFilePlan = { base, total: base + fresh };
  const changed = changedCount(plan);
  const results: ScenarioResult[] = [];
  const setUpStarted = performance.now();
  const env: BenchEnvironment = await setUpBench(options.serverUrl);
  const dir = await mkdtemp(join(tmpdir(), 'ulms-bench-sis-'));
  const institutionId = env.institution.id;
  const dataDir = env.kernel.services.get(coreServices.dataDir);
  try {
    log(`  sis: its own database, ${env.databaseLabel} (${seconds(performance.now() - setUpStarted)} s to set up)`);
    await env.kernel.services.get(tenancyServices.modules).enable(institutionId, SIS_MODULE);
    const profiles = env.kernel.services.get(sisProfilesRef);
    const runs = env.kernel.services.get(sisRunsRef);
    const jobs = env.kernel.services.get(jobServices.jobs);
    const profile = await profiles.save(institutionId, {
      code: PROFILE_CODE,
      settings: { name: 'Benchmark SIS', format: 'sis.xml', mode: 'SYNCHRONIZE', matchBy: 'PRIMARY_ID' },
    });

    /** Runs `path` with the profile to its end, as an upload would: from the upload to the run's end. */
    const runFile = async (path: string, dryRun = false) => {
      const started = performance.now();
      const run = await runs.start(institutionId, {
        profileId: profile.id,
        fileName: basename(path),
        content: createReadStream(path),
        dryRun,
        fullLoad: false,
        startedBy: 'bench',
      });
      if (!run.jobId) throw new Error(`sis: run ${run.id} has no job (${run.status}: ${run.error ?? ''})`);
      await jobs.waitFor(run.jobId);
      const ms = performance.now() - started;
      const done = await runs.get(institutionId, run.id);
      if (done.status !== 'SUCCEEDED')
        throw new Error(`sis: the run of ${basename(path)} ${done.status}: ${done.error ?? ''} (${countsOf(done)})`);
      // The job's own run: from the run's creation (the file stored) to its end.
      const jobMs = done.finishedAt ? Date.parse(done.finishedAt) - Date.parse(done.createdAt) : Number.NaN;
      return { run: done, ms, jobMs };
    };
    const expect = (what: string, run: SisRunDto, counts: Partial<SisRunDto['counts']>) => {
      const wrong = Object.entries(counts).filter(([k, v]) => run.counts[k as keyof SisRunDto['counts']] !== v);
      if (wrong.length > 0 || run.counts.processed !== run.total)
        throw new Error(`sis: ${what}: ${countsOf(run)} of ${run.total}, expected ${JSON.stringify(counts)}`);
    };

    const filesStarted = performance.now();
    const initialFile = await writeSisFile(dir, 'initial.xml', base, initialUser);
    const syncFile = await writeSisFile(dir, 'synchronise.xml', plan.total, synchronisedUser(plan));
    const { size: syncBytes } = await stat(syncFile);
    const filesMs = performance.now() - filesStarted;

    // Setup: the initial load (timed, not judged), then statistics and the visibility map, as autovacuum would.
    const initial = await runFile(initialFile);
    expect('the initial load', initial.run, { created: base, updated: 0, unchanged: 0, rejected: 0 });
    log(`  sis: initial load of ${base} users in ${seconds(initial.ms)} s (${countsOf(initial.run)})`);
    await env.database.sql.exec('VACUUM ANALYZE');

    // 1. The synchronise: 20% new, 30% of the existing changed.
    const sync = await runFile(syncFile);
    expect('the synchronise', sync.run, { created: fresh, updated: changed, unchanged: base - changed, rejected: 0 });
    const [owned] = await env.database.sql.query<{ users: number; renamed: number; moved: number }>(
      `SELECT count(*)::int AS users,
         count(*) FILTER (WHERE "lastName" LIKE 'Renamed%')::int AS renamed,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "UserEmail" e WHERE e."userId" = u.id
           AND e."emailAddress" LIKE 'moved%'))::int AS moved
       FROM "User" u WHERE u."institutionId" = $1::uuid AND u."externalId" = $2`,
      [institutionId, PROFILE_CODE],
    );
    if (owned?.users !== plan.total || owned.renamed + owned.moved !== changed)
      throw new Error(`sis: after the synchronise the profile owns ${JSON.stringify(owned)}, expected ${plan.total}`);
    log(`  sis: synchronise of ${plan.total} users in ${seconds(sync.ms)} s (${countsOf(sync.run)})`);
    results.push({
      name: `sis: synchronise ${plan.total} users, ${fresh} new, ${changed} changed (job sis.run)`,
      product: once(sync.ms, plan.total),
      target: targetOf('worst', SYNC_LIMIT_MS, sync.ms),
      notes:
        `${seconds(sync.ms)} s from the upload to SUCCEEDED (the job's own run ${seconds(sync.jobMs)} s); ` +
        `${countsOf(sync.run)}; ${owned.renamed} renamed, ${owned.moved} with a new email; ` +
        `setup: the initial load of ${base} users ${seconds(initial.ms)} s (${Math.round((base / initial.ms) * 1000)} users/s), ` +
        `the files (${round(syncBytes / MB)} MB synchronised) written in ${seconds(filesMs)} s; ` +
        `profile ${PROFILE_CODE} sis.xml SYNCHRONIZE matching PRIMARY_ID, batches of 500`,
    });

    // 2. The same file again: every record unchanged.
    const rerun = await runFile(syncFile);
    expect('the re-run', rerun.run, { created: 0, updated: 0, unchanged: plan.total, rejected: 0 });
    log(`  sis: re-run of the same ${plan.total} users in ${seconds(rerun.ms)} s (${countsOf(rerun.run)})`);
    results.push({
      name: `sis: the same ${plan.total} users again, all unchanged (job sis.run)`,
      product: once(rerun.ms, plan.total),
      target: targetOf('worst', RERUN_LIMIT_MS, rerun.ms),
      notes: `${seconds(rerun.ms)} s from the upload to SUCCEEDED (the job's own run ${seconds(rerun.jobMs)} s); ${countsOf(rerun.run)}`,
    });

    if (options.memoryUsers > 0)
      results.push(...(await memoryScenarios(options, { env, dir, plan, runFile, profile: profile.settings })));
  } finally {
    await env.close();
    await rm(dir, { recursive: true, force: true });
    // The files the runs stored, of this fresh institution.
    await rm(join(dataDir, 'sis', institutionId), { recursive: true, force: true });
  }
  return results;
}

type RunFile = (path: string, dryRun?: boolean) => Promise<{ run: SisRunDto; ms: number; jobMs: number }>;

/**
 * Memory: the peak RSS of the process (sampled every 100 ms) while it reads the 1,000,000-user file, which holds
 * the profile's users (unchanged) and then new ones. Writing a million users takes too long for a bench on two
 * cores; a dry run reads, plans and records every outcome but writes no user. Measured: the file read, mapped and
 * hashed alone (the run's first phase, no database); a dry run of `dryRunSample` new users, whose rate projects the
 * whole file's; and the whole file's dry run when that projection fits the budget.
 */
async function memoryScenarios(
  options: SisScenarioOptions,
  context: {
    readonly env: BenchEnvironment;
    readonly dir: string;
    readonly plan: SisFilePlan;
    readonly runFile: RunFile;
    readonly profile: SisProfileSettings;
  },
): Promise<SisScenarioResult[]> {
  const { env, dir, plan, runFile } = context;
  const { memoryUsers, dryRunSample, log } = options;
  const institutionId = env.institution.id;
  const results: SisScenarioResult[] = [];
  const userOf = synchronisedUser(plan);

  const writeStarted = performance.now();
  const bigFile = await writeSisFile(dir, 'memory.xml', memoryUsers, userOf);
  const { size: bigBytes } = await stat(bigFile);
  const writeMs = performance.now() - writeStarted;
  log(`  sis: wrote ${memoryUsers} users (${round(bigBytes / MB)} MB) in ${seconds(writeMs)} s`);

  // a. The file read, mapped and hashed as a run's batches do before they ask the database.
  const extensions = env.kernel.services.get(coreServices.extensions);
  const format = (await extensions.for(sisExtensionPoints.formats, institutionId)).find((f) => f.id === 'sis.xml');
  if (!format) throw new Error('sis: no sis.xml format');
  const mappers = await extensions.for(sisExtensionPoints.fieldMappers, institutionId);
  const mapperContext = { institutionId, profileCode: PROFILE_CODE, profile: context.profile };
  let records = 0;
  let keys = 0;
  const readSampler = rssSampler();
  const readStarted = performance.now();
  for await (const record of format.read({ path: bigFile, fileName: basename(bigFile), profile: context.profile })) {
    if (!record.user) throw new Error(`sis: record ${records} of the memory file: ${record.error}`);
    let user = record.user;
    for (const mapper of mappers) user = await mapper.map(user, mapperContext);
    const id = user['primary_id'];
    if (typeof id === 'string' && identifierKey(id)) keys += 1;
    createHash('sha256').update(PROFILE_CODE).update(JSON.stringify(user)).digest('base64url');
    records += 1;
  }
  const readMs = performance.now() - readStarted;
  const readMemory = memoryFigure(readSampler.stop());
  if (records !== memoryUsers || keys !== memoryUsers)
    throw new Error(`sis: read ${records} records (${keys} keyed) of ${memoryUsers}`);
  log(`  sis: read+map+hash of ${memoryUsers} in ${seconds(readMs)} s, peak RSS ${readMemory.valueMb} MB`);
  results.push({
    name: `sis: memory, ${memoryUsers}-user XML file read, mapped and hashed (no database)`,
    product: once(readMs, memoryUsers),
    notes:
      `peak RSS ${readMemory.valueMb} MB (target < ${RSS_LIMIT_MB} MB, ratio ${readMemory.ratio}; ` +
      `${readMemory.baselineMb} MB before), peak heap ${readMemory.peakHeapUsedMb} MB, ${readMemory.samples} samples; ` +
      `${round(bigBytes / MB)} MB file written in ${seconds(writeMs)} s`,
    memory: readMemory,
  });

  // b. A dry run of `dryRunSample` new users: the rate the whole file's dry run is projected from.
  const sampleFile = await writeSisFile(dir, 'dry-run-sample.xml', dryRunSample, userOf, plan.total + 1);
  const sampleSampler = rssSampler();
  const sample = await runFile(sampleFile, true);
  const sampleMemory = memoryFigure(sampleSampler.stop());
  if (sample.run.counts.created !== dryRunSample || sample.run.counts.rejected !== 0)
    throw new Error(`sis: the dry run of ${dryRunSample} new users: ${countsOf(sample.run)}`);
  // The whole file: the profile's users unchanged (as fast as the re-run) and the rest new at the sample's rate.
  const projectedMs = (sample.ms / dryRunSample) * (memoryUsers - plan.total);
  log(
    `  sis: dry run of ${dryRunSample} new users in ${seconds(sample.ms)} s, peak RSS ${sampleMemory.valueMb} MB; ` +
      `the ${memoryUsers} projected at ${seconds(projectedMs)} s`,
  );
  results.push({
    name: `sis: memory, dry run of ${dryRunSample} new users (job sis.run)`,
    product: once(sample.ms, dryRunSample),
    notes:
      `peak RSS ${sampleMemory.valueMb} MB (target < ${RSS_LIMIT_MB} MB, ratio ${sampleMemory.ratio}; ` +
      `${sampleMemory.baselineMb} MB before), peak heap ${sampleMemory.peakHeapUsedMb} MB; ${countsOf(sample.run)}; ` +
      `the job's own run ${seconds(sample.jobMs)} s; the ${memoryUsers}-user dry run projected at ${seconds(projectedMs)} s`,
    memory: sampleMemory,
  });

  // c. The whole file's dry run, when it fits the budget.
  if (projectedMs > options.dryRunBudgetMs) {
    log(
      `  sis: the ${memoryUsers}-user dry run is skipped: projected ${seconds(projectedMs)} s > ${seconds(options.dryRunBudgetMs)} s`,
    );
    return results;
  }
  const fullSampler = rssSampler();
  const full = await runFile(bigFile, true);
  const fullMemory = memoryFigure(fullSampler.stop());
  if (
    full.run.counts.created !== memoryUsers - plan.total ||
    full.run.counts.unchanged !== plan.total ||
    full.run.counts.rejected !== 0
  )
    throw new Error(`sis: the dry run of ${memoryUsers} users: ${countsOf(full.run)}`);
  log(`  sis: dry run of ${memoryUsers} users in ${seconds(full.ms)} s, peak RSS ${fullMemory.valueMb} MB`);
  results.push({
    name: `sis: memory, dry run of the ${memoryUsers}-user XML file (job sis.run)`,
    product: once(full.ms, memoryUsers),
    notes:
      `peak RSS ${fullMemory.valueMb} MB (target < ${RSS_LIMIT_MB} MB, ratio ${fullMemory.ratio}; ` +
      `${fullMemory.baselineMb} MB before), peak heap ${fullMemory.peakHeapUsedMb} MB; ${countsOf(full.run)}; ` +
      `the job's own run ${seconds(full.jobMs)} s (projected ${seconds(projectedMs)} s)`,
    memory: fullMemory,
  });
  return results;
}
