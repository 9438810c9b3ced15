// A SIS run survives `kill -9` of the server process loading it: another process takes the job over and
// finishes the file from the last batch committed, with no record loaded twice and no user half written.
// Real server processes on the PostgreSQL server of TEST_DATABASE_URL.
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyMigrations,
  authServices,
  type Database,
  migrationsDir,
  openDatabase,
  readMigrations,
} from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { sisPlugin, sisProfilesRef } from '@ulms/sis';
import { syntheticUser, writeLargeSisXml } from '@ulms/sis/testing';
import { usersPlugin } from '@ulms/users';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, startServerProcess } from './testing/server-process.js';

const serverUrl = process.env['TEST_DATABASE_URL'];
const USERS = 6_000;

type RunRow = { status: string; cursor: number; processed: number; created: number; rejected: number };

describe.runIf(serverUrl)('a SIS run and a killed server process', () => {
  let database: Database;
  let drop: () => Promise<unknown>;
  let databaseUrl: string;
  let dataDir: string;
  let api: TestApi<[typeof usersPlugin, typeof sisPlugin]>;
  let key: string;
  let profileId: string;
  const children: ReturnType<typeof startServerProcess>['child'][] = [];

  const query = async <T>(text: string, values: unknown[] = []) => database.sql.query<T>(text, values);
  const runRow = async (id: string) =>
    (
      await query<RunRow>(`SELECT status, cursor, processed, created, rejected FROM "SisRun" WHERE id = $1::uuid`, [id])
    )[0];
  const count = async (text: string, values: unknown[] = []) =>
    (await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${text}`, values))[0]?.n ?? -1;
  const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const serve = async () => {
    const started = startServerProcess({ DATABASE_URL: databaseUrl, JOB_LEASE_MS: '2000', DATA_DIR: dataDir });
    children.push(started.child);
    return { ...started, url: (await started.listening).url };
  };
  const kill = async (child: ReturnType<typeof startServerProcess>['child'], signal: NodeJS.Signals) => {
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };

  beforeAll(async () => {
    const created = await createServerDatabase(serverUrl ?? '', 'ulms_sis_crash');
    drop = created.drop;
    databaseUrl = created.url;
    dataDir = await mkdtemp(join(tmpdir(), 'ulms-sis-crash-'));
    database = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 2 });
    await applyMigrations(database.sql, await readMigrations(migrationsDir));
    api = await startTestApi({
      plugins: [usersPlugin, sisPlugin],
      database,
      institution: { modules: ['users', 'sis'] },
    });
    for (const [table, code] of [
      ['USER_GROUP', 'UNDERGRAD'],
      ['IDENTIFIER_TYPE', 'BARCODE'],
    ] as const)
      await api.caller.users.codeTables.save({ table, code, description: code });
    profileId = (
      await api.kernel.services
        .get(sisProfilesRef)
        .save(api.institution.id, { code: 'CRASH', settings: { name: 'Crash', format: 'sis.xml' } })
    ).id;
    key = (
      await api.kernel.services
        .get(authServices.apiKeys)
        .create(api.institution.id, { name: 'sis', role: 'GENERAL_SYSTEM_ADMINISTRATOR' }, null)
    ).key;
  }, 120_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await api?.close();
    await drop?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is finished by another process from its last committed batch, each record once', async () => {
    const file = await writeLargeSisXml(dataDir, 'students.xml', USERS, (i) => syntheticUser(i));
    const first = await serve();
    const upload = new FormData();
    upload.append('file', new Blob([await readFile(file)]), 'students.xml');
    const response = await fetch(`${first.url}/files/sis/profiles/${profileId}/runs`, {
      method: 'POST',
      headers: { authorization: `apikey ${key}` },
      body: upload,
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await until('a first batch is committed', async () => ((await runRow(id))?.cursor ?? 0) >= 500);
    await kill(first.child, 'SIGKILL');

    const left = (await runRow(id)) as RunRow;
    expect(left.status).toBe('RUNNING');
    expect(left.cursor).toBeLessThan(USERS);
    // Each batch commits its users with the run's cursor: what the run counts is what is there.
    expect(await count(`"User" WHERE "externalId" = 'CRASH'`)).toBe(left.created);

    const second = await serve();
    try {
      await until('another process finished the run', async () => (await runRow(id))?.status === 'SUCCEEDED');
      expect(await runRow(id)).toMatchObject({ status: 'SUCCEEDED', processed: USERS, created: USERS, rejected: 0 });
      expect(await count(`"User" WHERE "externalId" = 'CRASH'`)).toBe(USERS);
      expect(await count(`"SisRunEntry" WHERE "runId" = $1::uuid AND outcome = 'CREATED'`, [id])).toBe(USERS);
      expect(await count(`"UserIdentifier" WHERE "idType" = 'BARCODE'`)).toBe(USERS);
      expect(await count(`"SisUserState" WHERE "lastRunId" = $1::uuid`, [id])).toBe(USERS);
    } finally {
      await kill(second.child, 'SIGTERM');
    }
  }, 180_000);
});
