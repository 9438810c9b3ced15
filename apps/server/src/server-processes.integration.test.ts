// WORKERS: several server processes on one port. Needs a PostgreSQL server (TEST_DATABASE_URL); the
// embedded database is refused up front.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { migrationsDir, readMigrations } from '@ulms/platform';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { serverConfigFromEnv, workersFromEnv } from './config.js';
import { runServerProcesses } from './server-processes.js';

const serverUrl = process.env['TEST_DATABASE_URL'];
const main = fileURLToPath(new URL('./main.ts', import.meta.url));

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The server started as an operator would, with an IPC channel to hear when every process listens. */
function startServer(env: Record<string, string>): {
  child: ChildProcess;
  listening: Promise<{ url: string; processes: number }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const listening = new Promise<{ url: string; processes: number }>(
    (resolve, reject) => {
      child.on(
        'message',
        (message: { ulms?: string; url: string; processes: number }) => {
          if (message.ulms === 'listening') resolve(message);
        },
      );
      child.on('exit', (code) =>
        reject(new Error(`the server stopped (${code}): ${stderr}`)),
      );
    },
  );
  return { child, listening };
}

describe('WORKERS', () => {
  it('reads a whole number of processes, 1 when unset', () => {
    expect([
      workersFromEnv({}),
      workersFromEnv({ WORKERS: '' }),
      workersFromEnv({ WORKERS: '3' }),
    ]).toEqual([1, 1, 3]);
    for (const bad of ['0', '-1', '1.5', 'two', '100'])
      expect(() => workersFromEnv({ WORKERS: bad })).toThrow(/WORKERS/);
  });

  it('refuses more than one process on the embedded database', async () => {
    const config = serverConfigFromEnv({
      WORKERS: '2',
      PGLITE_DATA_DIR: '/nonexistent/ulms',
    });
    await expect(
      runServerProcesses(
        { ...config, database: { kind: 'pglite' } },
        { seedDemo: false },
      ),
    ).rejects.toThrow(/WORKERS=2 needs a PostgreSQL server/);
  });

  it.runIf(serverUrl)(
    'migrates once, serves the port from every process, and stops them all on SIGTERM',
    async () => {
      const name = `ulms_workers_${randomBytes(4).toString('hex')}`;
      await admin(`CREATE DATABASE ${name}`);
      const url = new URL(serverUrl ?? '');
      url.pathname = `/${name}`;
      try {
        const { child, listening } = startServer({
          DATABASE_URL: url.toString(),
          WORKERS: '2',
        });
        const ready = await listening;
        expect(ready.processes).toBe(2);
        const answers = await Promise.all(
          Array.from({ length: 8 }, () =>
            fetch(`${ready.url}/health`).then((r) => r.status),
          ),
        );
        expect(answers).toEqual(Array(8).fill(200));
        const database = new pg.Client({ connectionString: url.toString() });
        await database.connect();
        const applied = await database.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM _ulms_migrations',
        );
        await database.end();
        expect(applied.rows[0]?.n).toBe(
          (await readMigrations(migrationsDir)).length,
        );
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const [code] = (await exited) as [number | null];
        expect(code).toBe(0);
      } finally {
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    },
    60_000,
  );
});
