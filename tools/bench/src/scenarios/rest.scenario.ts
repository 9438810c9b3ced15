import { execFile } from 'node:child_process';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { authServices } from '@ulms/platform';
import type { BenchEnvironment } from '../bench-setup.js';
import type { GeneratedUser } from '../generate-users.js';
import { startBenchServer } from '../rest-server.js';
import type { ScenarioResult } from './scenario-result.js';

const CONNECTIONS = 8;
const WARM_UP_SECONDS = 2;
const DRAIN_MS = 1_000;
const run = promisify(execFile);

/** A path with `{}` where each value goes, and the values. */
type Requests = readonly [string, readonly string[]];

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p97_5: number; p99: number };
  non2xx: number;
  errors: number;
}

/** Autocannon in its own process, from 8 connections, asking for `template` with each of `values` in turn. */
async function cannon(base: string, [template, values]: Requests, seconds: number): Promise<CannonResult> {
  const generator = fileURLToPath(new URL('../load-generator.ts', import.meta.url));
  const input = JSON.stringify({
    base,
    template,
    values,
    connections: CONNECTIONS,
    seconds,
  });
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', generator, input], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as CannonResult;
  } catch (error) {
    // The command line holds every value; say what failed, not all of it.
    throw new Error(
      `the load generator failed: ${(error as { stderr?: string }).stderr?.slice(-2000) ?? String(error)}`,
    );
  }
}

/** The raw SQL floor: the same lookups, in turn, as fast as 8 concurrent loops can run them, for the same time. */
async function rawPerSecond(env: BenchEnvironment, keys: readonly string[], seconds: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const loop = async () => {
    while (performance.now() < until) {
      await env.database.sql.query(
        `SELECT u.* FROM "UserIdentifier" i JOIN "User" u ON u.id = i."userId" WHERE i."institutionId" = $1 AND i."valueKey" = $2`,
        [env.institution.id, keys[done % keys.length]],
      );
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  return Math.round(done / seconds);
}

const NAME_SEARCHES = 50;

/** Scenario 3: the Alma-format REST API over HTTP with 8 concurrent clients, each case over many users, from `processes` server processes. */
export async function restScenarios(
  env: BenchEnvironment,
  sample: readonly GeneratedUser[],
  seconds: number,
  processes: number,
): Promise<ScenarioResult[]> {
  const server = await startBenchServer(env, processes);
  const { base } = server;
  try {
    const { key } = await env.kernel.services
      .get(authServices.apiKeys)
      .create(env.institution.id, { name: 'bench', role: 'USER_MANAGER' }, null);
    if (sample.length === 0) return [];
    const userRequests: Requests = [`/almaws/v1/users/{}?apikey=${key}`, sample.map((u) => u.primaryId)];
    const lastNames = [...new Set(sample.map((u) => u.lastName))].slice(0, NAME_SEARCHES);
    const searchRequests: Requests = [`/almaws/v1/users?q=last_name~{}&apikey=${key}`, lastNames];
    for (const [template, values] of [userRequests, searchRequests]) {
      const path = template.replace('{}', encodeURIComponent(values[0] ?? ''));
      const probe = await fetch(`${base}${path}`);
      if (!probe.ok) throw new Error(`GET ${path} answered ${probe.status}: ${await probe.text()}`);
    }
    const results: ScenarioResult[] = [];
    const cases = [
      [`REST get user (8 clients, ${sample.length} users)`, userRequests, sample.map((u) => u.primaryId.toLowerCase())],
      [`REST name search, last_name (8 clients, ${lastNames.length} names)`, searchRequests, null],
    ] as const;
    for (const [name, requests, rawKeys] of cases) {
      // Connections prepared, statements prepared, code optimised: measured warm, as a running server is.
      await cannon(base, requests, WARM_UP_SECONDS);
      const result = await cannon(base, requests, seconds);
      // Requests the finished clients left in flight still run; let them end before the next case or the close.
      await setTimeout(DRAIN_MS);
      const raw = rawKeys ? await rawPerSecond(env, rawKeys, seconds) : undefined;
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      results.push({
        name,
        product: {
          samples: Math.round(result.requests.average * seconds),
          medianMs: result.latency.p50,
          p95Ms: result.latency.p97_5,
          p99Ms: result.latency.p99,
          perSecond: result.requests.average,
        },
        notes: `${server.processes} server process${server.processes > 1 ? 'es' : ''}; p95 column is autocannon's p97.5${raw ? `; raw SQL lookup ${raw}/s, REST at ${Math.round((result.requests.average / Math.max(raw, 1)) * 100)}% of it` : ''}`,
      });
    }
    return results;
  } finally {
    await server.close();
  }
}
