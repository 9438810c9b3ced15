// WORKERS: several server processes on one port. Needs a PostgreSQL server (TEST_DATABASE_URL); the
// embedded database is refused up front.
import { once } from 'node:events';
import { migrationsDir, readMigrations } from '@ulms/platform';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { serverConfigFromEnv, workersFromEnv } from './config.js';
import { runServerProcesses } from './server-processes.js';
import { createServerDatabase, startServerProcess } from './testing/server-process.js';

const serverUrl = process.env['TEST_DATABASE_URL'];

describe('WORKERS', () => {
  it('reads a whole number of processes, 1 when unset', () => {
    expect([workersFromEnv({}), workersFromEnv({ WORKERS: '' }), workersFromEnv({ WORKERS: '3' })]).toEqual([1, 1, 3]);
    for (const bad of ['0', '-1', '1.5', 'two', '100'])
      expect(() => workersFromEnv({ WORKERS: bad })).toThrow(/WORKERS/);
  });

  it('refuses more than one process on the embedded database', async () => {
    const config = serverConfigFromEnv({
      WORKERS: '2',
      PGLITE_DATA_DIR: '/nonexistent/ulms',
    });
    await expect(runServerProcesses({ ...config, database: { kind: 'pglite' } }, { seedDemo: false })).rejects.toThrow(
      /WORKERS=2 needs a PostgreSQL server/,
    );
  });

  it.runIf(serverUrl)(
    'migrates once, serves the port from every process, and stops them all on SIGTERM',
    async () => {
      const database = await createServerDatabase(serverUrl ?? '', 'ulms_workers');
      const url = new URL(database.url);
      try {
        const { child, listening } = startServerProcess({
          DATABASE_URL: url.toString(),
          WORKERS: '2',
        });
        const ready = await listening;
        expect(ready.processes).toBe(2);
        const answers = await Promise.all(
          Array.from({ length: 8 }, () => fetch(`${ready.url}/health`).then((r) => r.status)),
        );
        expect(answers).toEqual(Array(8).fill(200));
        const client = new pg.Client({ connectionString: url.toString() });
        await client.connect();
        const applied = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM _ulms_migrations');
        await client.end();
        expect(applied.rows[0]?.n).toBe((await readMigrations(migrationsDir)).length);
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const [code] = (await exited) as [number | null];
        expect(code).toBe(0);
      } finally {
        await database.drop();
      }
    },
    60_000,
  );
});
