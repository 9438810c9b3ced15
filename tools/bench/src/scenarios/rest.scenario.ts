import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { authServices, migrationsDir, readMigrations } from '@ulms/platform';
import { appRouter } from '@ulms/server/app-router';
import { buildServer } from '@ulms/server/build-server';
import type { BenchEnvironment } from '../bench-setup.js';
import type { GeneratedUser } from '../generate-users.js';
import type { ScenarioResult } from './scenario-result.js';

const CONNECTIONS = 8;
const WARM_UP_SECONDS = 2;
const run = promisify(execFile);

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p97_5: number; p99: number };
  non2xx: number;
  errors: number;
}

async function cannon(url: string, seconds: number): Promise<CannonResult> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const { stdout } = await run(process.execPath, [bin, '-c', String(CONNECTIONS), '-d', String(seconds), '-j', url], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as CannonResult;
}

/** The raw SQL floor: the same lookup as fast as 8 concurrent loops can run it, for the same time. */
async function rawPerSecond(env: BenchEnvironment, key: string, seconds: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const loop = async () => {
    while (performance.now() < until) {
      await env.database.sql.query(
        `SELECT u.* FROM "UserIdentifier" i JOIN "User" u ON u.id = i."userId" WHERE i."institutionId" = $1 AND i."valueKey" = $2`,
        [env.institution.id, key],
      );
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  return Math.round(done / seconds);
}

/** Scenario 3: the Alma-format REST API over HTTP with 8 concurrent clients (autocannon in another process). */
export async function restScenarios(env: BenchEnvironment, sample: readonly GeneratedUser[], seconds: number): Promise<ScenarioResult[]> {
  // The per-institution rate limit is a policy (ALMA_API_RATE_LIMIT, 1,000/s by default); here we measure capacity.
  const server = await buildServer({
    kernel: env.kernel,
    database: env.database,
    router: appRouter,
    migrations: await readMigrations(migrationsDir),
    logLevel: 'warn',
    restRateLimit: 1_000_000,
  });
  const base = await server.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { key } = await env.kernel.services.get(authServices.apiKeys).create(env.institution.id, { name: 'bench', role: 'USER_MANAGER' }, null);
    const user = sample[0];
    if (!user) return [];
    const getUrl = `${base}/almaws/v1/users/${encodeURIComponent(user.primaryId)}?apikey=${key}`;
    const probe = await fetch(getUrl);
    if (!probe.ok) {
      return [{ name: 'REST get user', product: { samples: 0, medianMs: 0, p95Ms: 0, p99Ms: 0, perSecond: 0 }, notes: `skipped: GET /almaws/v1/users/{id} answered ${probe.status}` }];
    }
    const results: ScenarioResult[] = [];
    const cases = [
      ['REST get user (8 clients)', getUrl, user.primaryId.toLowerCase()],
      ['REST name search (8 clients)', `${base}/almaws/v1/users?q=last_name~${encodeURIComponent(user.lastName)}&apikey=${key}`, null],
    ] as const;
    for (const [name, url, rawKey] of cases) {
      // Connections prepared, statements prepared, code optimised: measured warm, as a running server is.
      await cannon(url, WARM_UP_SECONDS);
      const result = await cannon(url, seconds);
      const raw = rawKey ? await rawPerSecond(env, rawKey, seconds) : undefined;
      results.push({
        name,
        product: { samples: Math.round(result.requests.average * seconds), medianMs: result.latency.p50, p95Ms: result.latency.p97_5, p99Ms: result.latency.p99, perSecond: result.requests.average },
        notes: `${result.non2xx} non-2xx, ${result.errors} errors; p95 column is autocannon's p97.5${raw ? `; raw SQL lookup ${raw}/s (ratio ${Math.round((raw / Math.max(result.requests.average, 1)) * 100) / 100}x)` : ''}`,
      });
    }
    return results;
  } finally {
    await server.close();
  }
}
