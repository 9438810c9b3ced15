// `npm run bench [-- --users N] [--fees N] [--blocks N] [--quick] [--seed S] [--only lookups,names,rest,writes,fines,blocks,letters,sis,courses]
// [--database NAME] [--workers N]`:
// loads a generated institution and measures the scenarios of the benchmark issue. DATABASE_URL (or
// BENCH_DATABASE_URL) points at a PostgreSQL server, where a fresh database is created and dropped, or
// with --database a named one is kept and reused by the next run; otherwise PGlite runs in memory.
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BLOCKS_MODULE, type BlocksConfig } from '@ulms/blocks';
import { tenancyServices } from '@ulms/platform';
import { setUpBench } from './bench-setup.js';
import { generateUser, type GeneratedUser } from './generate-users.js';
import { BLOCKS_PER_USER, blocksToLoad, loadBlocks, planBlocks } from './load-blocks.js';
import { FEES_PER_USER, feesToLoad, loadFees, planFees } from './load-fees.js';
import { loadUsers } from './load-users.js';
import { seededRandom } from './random.js';
import { blocksScenarios } from './scenarios/blocks.scenario.js';
import { coursesScenarios } from './scenarios/courses.scenario.js';
import { finesScenarios } from './scenarios/fines.scenario.js';
import { lettersScenarios } from './scenarios/letters.scenario.js';
import { lookupScenarios, nameSearchScenarios } from './scenarios/lookups.scenario.js';
import { restScenarios } from './scenarios/rest.scenario.js';
import type { ScenarioResult } from './scenarios/scenario-result.js';
import { sisScenarios } from './scenarios/sis.scenario.js';
import { writeScenarios } from './scenarios/writes.scenario.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string' },
    fees: { type: 'string' },
    blocks: { type: 'string' },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20261128' },
    only: { type: 'string' },
    database: { type: 'string' },
    workers: { type: 'string' },
  },
});
const SCENARIO_GROUPS = ['lookups', 'names', 'rest', 'writes', 'fines', 'blocks', 'letters', 'sis', 'courses'] as const;
// The groups that load their own database.
const OWN_DATABASE: readonly string[] = ['sis', 'courses'];
const only = new Set(values.only ? values.only.split(',') : SCENARIO_GROUPS);
for (const group of only) {
  if (!(SCENARIO_GROUPS as readonly string[]).includes(group))
    throw new Error(`--only: unknown scenario group "${group}" (${SCENARIO_GROUPS.join(', ')})`);
}
const runs = (group: (typeof SCENARIO_GROUPS)[number]) => only.has(group);
const quick = values.quick === true;
// The shared institution's users, loaded only when a group without its own database runs.
const userCount = [...only].some((g) => !OWN_DATABASE.includes(g))
  ? Number(values.users ?? (quick ? 20_000 : 1_000_000))
  : 0;
const writeCount = quick ? 500 : 10_000;
// The fines scenarios' fees (300,000 for a million users), WAIVE_ALL_FEES of them for each "Waive All" user.
const feeCount = Number(values.fees ?? Math.round(userCount * FEES_PER_USER));
if (!Number.isInteger(feeCount) || feeCount < 0) throw new Error(`--fees: "${values.fees}" is not a whole number`);
// The blocks scenarios' manual blocks (100,000 for a million users).
const blockCount = Number(values.blocks ?? Math.round(userCount * BLOCKS_PER_USER));
if (!Number.isInteger(blockCount) || blockCount < 0)
  throw new Error(`--blocks: "${values.blocks}" is not a whole number`);
const waiveAllUsers = quick ? 2 : 3;
const waiveAllRuns = quick ? 2 : 9;
const samples = quick ? 200 : 2_000;
const restSeconds = quick ? 3 : 10;
// The letters scenarios' recipients (issue 19: bulk messaging of 10,000 users) and template renders.
const letterCount = quick ? 1_000 : 10_000;
const letterRenders = quick ? 500 : 5_000;
const BATCH = 5_000;
// The SIS scenarios (their own database): an initial load, then a synchronise of that many users plus new ones (80,000
// and 20,000: 100,000, 30% of the 80,000 changed), and the 1,000,000-user memory file (none with --quick).
const sisSizes = quick
  ? { base: 1_500, fresh: 500, memoryUsers: 0, dryRunSample: 0 }
  : { base: 80_000, fresh: 20_000, memoryUsers: 1_000_000, dryRunSample: 200_000 };
// The courses scenarios (their own database): 500,000 enrolments of 100,000 users, 5 each, in 2,000 courses.
const courseSizes = quick ? { users: 2_000, courses: 200, perUser: 5 } : { users: 100_000, courses: 2_000, perUser: 5 };
const serverUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'];
// The REST scenarios ask the server as the README recommends running it: one process per core that
// PostgreSQL leaves (WORKERS=1 on this project's 2-core machine, which runs the database too).
const workers = Number(values.workers ?? Math.max(1, availableParallelism() - 1));
if (!Number.isInteger(workers) || workers < 1)
  throw new Error(`--workers: "${values.workers}" is not a whole number of processes`);

const log = (line: string) => process.stdout.write(`${line}\n`);
// What else the machine is doing (this project's 2-core machine is shared): the 1, 5 and 15-minute load averages.
const loadAverage = () => loadavg().map((l) => Math.round(l * 100) / 100);
const loadAtStart = loadAverage();
log(`Load average ${loadAtStart.join(', ')}`);

const env = await setUpBench(serverUrl, values.database);
try {
  const reused = env.loadedUsers > 0;
  if (reused && env.loadedUsers < userCount)
    throw new Error(`${env.databaseLabel} holds ${env.loadedUsers} users, fewer than the ${userCount} asked for`);
  log(reused ? `Reusing the users in ${env.databaseLabel}…` : `Loading ${userCount} users into ${env.databaseLabel}…`);
  const random = seededRandom(Number(values.seed));
  const sample: GeneratedUser[] = [];
  const sampleEvery = Math.max(1, Math.floor(userCount / samples));
  // The fees only when the fines or blocks scenarios run (the debt limit counts them); a kept database that holds
  // them already keeps them.
  const feePlan =
    runs('fines') || runs('blocks') ? planFees(userCount, feeCount, waiveAllUsers, Number(values.seed)) : undefined;
  const loadingFees = feePlan ? await feesToLoad(env.database.sql, env.institution.id, feePlan) : false;
  if (feePlan)
    log(
      loadingFees
        ? `Loading ${feePlan.total} fees into ${env.databaseLabel}…`
        : `Reusing the ${feePlan.total} fees in ${env.databaseLabel}…`,
    );
  // The manual blocks likewise, only for the blocks scenarios, of the institution's block types, some owned by its
  // libraries when it has any.
  const blockPlan = runs('blocks') ? planBlocks(userCount, blockCount, Number(values.seed)) : undefined;
  const loadingBlocks = blockPlan ? await blocksToLoad(env.database.sql, env.institution.id, blockPlan) : false;
  const { blockTypes } = await env.kernel.services
    .get(tenancyServices.modules)
    .config<BlocksConfig>(env.institution.id, BLOCKS_MODULE);
  const libraryIds = (
    await env.kernel.services.get(tenancyServices.institutions).listLibraries(env.institution.id)
  ).map((l) => l.id);
  if (blockPlan)
    log(
      loadingBlocks
        ? `Loading ${blockPlan.total} manual blocks into ${env.databaseLabel}…`
        : `Reusing the ${blockPlan.total} manual blocks in ${env.databaseLabel}…`,
    );
  const waiveAllUserIds: string[] = [];
  let feeSeconds = 0;
  let blockSeconds = 0;
  const loadStarted = performance.now();
  for (let start = 0; start < userCount; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, userCount - start) }, (_, i) => generateUser(random, start + i));
    batch.forEach((u, i) => (start + i) % sampleEvery === 0 && sample.push(u));
    batch.forEach((u, i) => feePlan?.waiveAllUsers.includes(start + i) && waiveAllUserIds.push(u.id));
    if (!reused) {
      await loadUsers(env.database.sql, env.institution.id, batch);
      if ((start / BATCH) % 20 === 0) log(`  ${start + batch.length} loaded`);
    }
    if (feePlan && loadingFees) {
      const feesStarted = performance.now();
      await loadFees(env.database.sql, env.institution.id, batch, start, feePlan);
      feeSeconds += (performance.now() - feesStarted) / 1000;
    }
    if (blockPlan && loadingBlocks) {
      const blocksStarted = performance.now();
      await loadBlocks(
        env.database.sql,
        env.institution.id,
        batch,
        start,
        blockPlan,
        blockTypes.map((t) => t.code),
        libraryIds,
      );
      blockSeconds += (performance.now() - blocksStarted) / 1000;
    }
  }
  // As autovacuum would in time: statistics, and the visibility map that index-only scans need.
  if (!reused) await env.database.sql.exec('VACUUM ANALYZE');
  else if (loadingFees || loadingBlocks)
    await env.database.sql.exec(
      `VACUUM ANALYZE ${[...(loadingFees ? ['"Fee"', '"FeeLedgerEntry"'] : []), ...(loadingBlocks ? ['"UserBlock"'] : [])].join(', ')}`,
    );
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  log(`Loaded in ${loadSeconds.toFixed(1)} s (${Math.round(userCount / loadSeconds)} users/s).`);
  if (feePlan && loadingFees)
    log(
      `  of which ${feeSeconds.toFixed(1)} s for ${feePlan.total} fees (${Math.round(feePlan.total / feeSeconds)}/s).`,
    );
  if (blockPlan && loadingBlocks)
    log(
      `  of which ${blockSeconds.toFixed(1)} s for ${blockPlan.total} manual blocks (${Math.round(blockPlan.total / blockSeconds)}/s).`,
    );

  // Each group's time is logged: --quick must stay quick for CI.
  const group = async (name: (typeof SCENARIO_GROUPS)[number], measured: () => Promise<ScenarioResult[]>) => {
    if (!runs(name)) return [];
    const started = performance.now();
    const results = await measured();
    log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return results;
  };
  const scenarios: ScenarioResult[] = [
    ...(await group('lookups', () => lookupScenarios(env, sample))),
    ...(await group('names', () => nameSearchScenarios(env, sample))),
    ...(await group('rest', () => restScenarios(env, sample, restSeconds, workers))),
    ...(await group('writes', () => writeScenarios(env, writeCount))),
    ...(await group('fines', () => finesScenarios(env, sample, waiveAllUserIds, waiveAllRuns))),
    ...(await group('blocks', () => blocksScenarios(env, sample))),
    ...(await group('letters', () =>
      lettersScenarios(env, { count: letterCount, renders: letterRenders, seed: Number(values.seed) }),
    )),
    ...(await group('sis', () => sisScenarios({ serverUrl, ...sisSizes, dryRunBudgetMs: 6 * 60_000, log }))),
    ...(await group('courses', () => coursesScenarios({ serverUrl, ...courseSizes, seed: Number(values.seed), log }))),
  ];

  const report = {
    date: new Date().toISOString(),
    database: env.databaseLabel,
    users: userCount,
    quick,
    seed: Number(values.seed),
    node: process.version,
    serverProcesses: workers,
    reusedDatabase: reused,
    load: {
      seconds: Math.round(loadSeconds * 10) / 10,
      usersPerSecond: Math.round(userCount / loadSeconds),
    },
    ...(feePlan
      ? { fees: { count: feePlan.total, reused: !loadingFees, seconds: Math.round(feeSeconds * 10) / 10 } }
      : {}),
    ...(blockPlan
      ? {
          manualBlocks: {
            count: blockPlan.total,
            reused: !loadingBlocks,
            seconds: Math.round(blockSeconds * 10) / 10,
          },
        }
      : {}),
    loadAverage: { start: loadAtStart, end: loadAverage() },
    scenarios,
  };
  const folder = resolve(import.meta.dirname, '../../../bench-results');
  await mkdir(folder, { recursive: true });
  const file = resolve(folder, `${report.date.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.table(
    scenarios.map((s) => ({
      scenario: s.name,
      'median ms': s.product.medianMs,
      'p95 ms': s.product.p95Ms,
      'p99 ms': s.product.p99Ms,
      'per s': s.product.perSecond,
      'raw median': s.rawSql?.medianMs ?? '',
      'raw p95': s.rawSql?.p95Ms ?? '',
      'ratio p95': s.ratio?.p95 ?? '',
      statements: s.statements?.perCall.median ?? '',
      target: s.target
        ? `${s.target.figure} < ${s.target.limitMs} ms: ${s.target.ratio} ${s.target.met ? '✓' : '✗'}`
        : '',
    })),
  );
  for (const s of scenarios.filter((x) => x.notes)) log(`- ${s.name}: ${s.notes}`);
  for (const s of scenarios.filter((x) => x.statements))
    log(`- ${s.name}, statements of one call:\n    ${s.statements?.statements.join('\n    ')}`);
  log(`Load average ${loadAtStart.join(', ')} at the start, ${report.loadAverage.end.join(', ')} at the end.`);
  log(`Results written to ${file}`);
} finally {
  await env.close();
}
