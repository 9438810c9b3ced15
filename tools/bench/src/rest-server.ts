import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsDir, readMigrations } from '@ulms/platform';
import { appRouter } from '@ulms/server/app-router';
import { buildServer } from '@ulms/server/build-server';
import type { BenchEnvironment } from './bench-setup.js';

// The per-institution rate limit is a policy (ALMA_API_RATE_LIMIT, 1,000/s by default); here we measure capacity.
const NO_RATE_LIMIT = 1_000_000;
const START_TIMEOUT_MS = 120_000;

/** The server the REST scenarios ask, and how it runs. */
export interface BenchServer {
  readonly base: string;
  /** How many server processes answer. */
  readonly processes: number;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Waits for the server's message that every process listens, or its end. */
async function waitUntilUp(child: ChildProcess, output: () => string) {
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start in time: ${output()}`)),
      START_TIMEOUT_MS,
    );
    child.on('message', (message: { ulms?: string }) => {
      if (message.ulms !== 'listening') return;
      clearTimeout(timer);
      resolve();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server stopped (${code}): ${output()}`));
    });
  });
  await listening;
}

/**
 * The product's server as operators run it: `apps/server` in its own processes (`WORKERS=processes`) on the
 * bench database. PGlite in memory cannot be shared between processes: there the server runs in this
 * process, on the bench's own kernel.
 */
export async function startBenchServer(env: BenchEnvironment, processes: number): Promise<BenchServer> {
  if (!env.databaseUrl) {
    const server = await buildServer({
      kernel: env.kernel,
      database: env.database,
      router: appRouter,
      migrations: await readMigrations(migrationsDir),
      logLevel: 'warn',
      restRateLimit: NO_RATE_LIMIT,
    });
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    return { base, processes: 1, close: () => server.close() };
  }
  const port = await freePort();
  const main = fileURLToPath(new URL('../../../apps/server/src/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      WORKERS: String(processes),
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ALMA_API_RATE_LIMIT: String(NO_RATE_LIMIT),
      DATA_DIR: join(tmpdir(), 'ulms-bench-files'),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(child, () => output);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    base,
    processes,
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
