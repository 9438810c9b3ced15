// Jobs survive `kill -9` of the server process running them, and server processes sharing a database do
// not fail each other's live jobs. Real server processes on the PostgreSQL server of TEST_DATABASE_URL
// (the embedded database is opened by one process at a time, so it has no second process to take over).
import { once } from 'node:events';
import {
  applyMigrations,
  authServices,
  type Database,
  migrationsDir,
  openDatabase,
  readMigrations,
} from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { usersPlugin } from '@ulms/users';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, startServerProcess } from './testing/server-process.js';

const serverUrl = process.env['TEST_DATABASE_URL'];
const USERS = 6_000;
const LEASE_MS = '2000';

type JobRow = {
  status: string;
  processed: number;
  report: unknown;
  attempts: number;
  leaseOwner: string | null;
};

/** Whom a purge's report (or its last checkpoint) says it deleted. */
const deletedIn = (row: JobRow) => (row.report as { deleted?: string[] } | null)?.deleted ?? [];

describe.runIf(serverUrl)('jobs and killed server processes', () => {
  let database: Database;
  let drop: () => Promise<unknown>;
  let databaseUrl: string;
  let api: TestApi<[typeof usersPlugin]>;
  let key: string;

  const query = async <T>(text: string, values: unknown[] = []) => database.sql.query<T>(text, values);
  const job = async (id: string) =>
    (
      await query<JobRow>(`SELECT status, processed, report, attempts, "leaseOwner" FROM "Job" WHERE id = $1::uuid`, [
        id,
      ])
    )[0] as JobRow;
  const count = async (text: string, values: unknown[] = []) =>
    (await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${text}`, values))[0]?.n ?? -1;
  const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const children: ReturnType<typeof startServerProcess>['child'][] = [];
  const serve = async () => {
    const started = startServerProcess({
      DATABASE_URL: databaseUrl,
      JOB_LEASE_MS: LEASE_MS,
    });
    children.push(started.child);
    return { ...started, url: (await started.listening).url };
  };
  const kill = async (child: ReturnType<typeof startServerProcess>['child'], signal: NodeJS.Signals) => {
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  /** A tRPC mutation over HTTP with the API key, as a script would call it. */
  const mutate = async (url: string, path: string, input: unknown) => {
    const response = await fetch(`${url}/trpc/${path}`, {
      method: 'POST',
      headers: {
        authorization: `apikey ${key}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ json: input }),
    });
    const body = (await response.json()) as {
      result?: { data: { json: { id: string } } };
    };
    return { status: response.status, id: body.result?.data.json.id ?? '' };
  };

  beforeAll(async () => {
    const created = await createServerDatabase(serverUrl ?? '', 'ulms_crash');
    drop = created.drop;
    databaseUrl = created.url;
    database = await openDatabase({
      kind: 'postgres',
      url: databaseUrl,
      poolSize: 2,
    });
    await applyMigrations(database.sql, await readMigrations(migrationsDir));
    api = await startTestApi({
      plugins: [usersPlugin],
      database,
      institution: { modules: ['users'] },
    });
    for (const code of ['UG', 'GR']) {
      await api.caller.users.codeTables.save({
        table: 'USER_GROUP',
        code,
        description: code,
      });
    }
    const institutionId = api.institution.id;
    await query(
      `INSERT INTO "User" ("institutionId","recordType","primaryId","firstName","lastName","nameSearch","sortName","userGroup","createdBy","updatedBy")
       SELECT $1::uuid, 'PUBLIC', 'crash-' || g, 'Crash', 'Test' || g, 'crash test' || g, 'test' || g || ', crash', 'UG', 'test', 'test'
       FROM generate_series(1, $2::int) g`,
      [institutionId, USERS],
    );
    await query(
      `INSERT INTO "UserIdentifier" ("institutionId","userId","idType","value","valueKey","segmentType","position")
       SELECT $1::uuid, id, 'PRIMARY', "primaryId", lower("primaryId"), 'INTERNAL', 0 FROM "User" WHERE "institutionId" = $1::uuid`,
      [institutionId],
    );
    key = (
      await api.kernel.services
        .get(authServices.apiKeys)
        .create(institutionId, { name: 'jobs', role: 'USER_ADMINISTRATOR' }, null)
    ).key;
  }, 120_000);
  afterAll(async () => {
    // A test that failed half-way leaves no server process behind.
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await api?.close();
    await drop?.();
  });

  it('a bulk edit killed with -9 keeps its locks only until another process takes it over and finishes it', async () => {
    const first = await serve();
    const started = await mutate(first.url, 'users.bulkEdit', {
      search: {},
      changes: { userGroup: 'GR' },
    });
    expect(started.status).toBe(200);
    await until('the first batch is done', async () => (await job(started.id)).processed >= 500);
    await kill(first.child, 'SIGKILL');

    const left = await job(started.id);
    expect(left.status).toBe('RUNNING');
    expect(left.processed).toBeLessThan(USERS);
    expect(await count(`"UserJobLock" WHERE "jobId" = $1::uuid`, [started.id])).toBe(USERS);

    const second = await serve();
    try {
      await until('another process finished the job', async () => (await job(started.id)).status === 'SUCCEEDED');
      const done = await job(started.id);
      expect(done.attempts).toBe(1);
      expect(done.leaseOwner).not.toBe(left.leaseOwner);
      expect(await count(`"UserJobLock"`)).toBe(0);
      expect(await count(`"User" WHERE "userGroup" = 'UG'`)).toBe(0);
      const deleted = await fetch(`${second.url}/almaws/v1/users/crash-1`, {
        method: 'DELETE',
        headers: { authorization: `apikey ${key}` },
      });
      expect(deleted.status).toBe(204);
    } finally {
      await kill(second.child, 'SIGTERM');
    }
  }, 120_000);

  it('a second process leaves the first one’s purge alone; killed, the purge reports whom it deleted and is finished by another', async () => {
    await query(`UPDATE "User" SET "purgeDate" = '2000-01-01' WHERE "institutionId" = $1::uuid`, [api.institution.id]);
    const candidates = await count(`"User"`);
    // Both processes serve before the purge starts, so the second one sees it from its first moment.
    const [first, second] = await Promise.all([serve(), serve()]);
    try {
      const started = await mutate(first.url, 'users.purge', {});
      expect(started.status).toBe(200);
      expect((await mutate(second.url, 'users.purge', {})).status).toBe(409);
      const running = await job(started.id);
      expect(running.status).toBe('RUNNING');

      await until('some users are purged', async () => deletedIn(await job(started.id)).length > 0);
      await kill(first.child, 'SIGKILL');
      const cut = await job(started.id);
      expect(cut.status).toBe('RUNNING');
      expect(cut.leaseOwner).toBe(running.leaseOwner);
      const deletedSoFar = deletedIn(cut);
      expect(deletedSoFar.length).toBeGreaterThan(0);
      expect(await count(`"User"`)).toBeLessThanOrEqual(candidates - deletedSoFar.length);

      await until('the second process finished the purge', async () => (await job(started.id)).status === 'SUCCEEDED');
      const done = await job(started.id);
      expect(done.attempts).toBe(1);
      const report = done.report as { deleted: string[]; skipped: unknown[] };
      expect(report.deleted).toEqual(expect.arrayContaining(deletedSoFar));
      expect(new Set(report.deleted).size).toBe(candidates);
      expect(report.skipped).toEqual([]);
      expect(await count(`"User"`)).toBe(0);
    } finally {
      await kill(second.child, 'SIGTERM');
    }
  }, 120_000);
});
