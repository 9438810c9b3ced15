import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyMigrations,
  createCallerFactory,
  type Database,
  type InstitutionRef,
  type Kernel,
  migrationsDir,
  openDatabase,
  readMigrations,
  startKernel,
  tenancyServices,
} from '@ulms/platform';
import { appRouter } from '@ulms/server/app-router';
import { installedPlugins } from '@ulms/server/installed-plugins';
import { usersServices } from '@ulms/users';
import pg from 'pg';
import { pino } from 'pino';

const createCaller = createCallerFactory(appRouter);

/** A migrated database with one institution whose code tables the generated users use. */
export interface BenchEnvironment {
  readonly database: Database;
  readonly kernel: Kernel;
  readonly institution: InstitutionRef;
  readonly caller: ReturnType<typeof createCaller>;
  readonly databaseLabel: string;
  close(): Promise<void>;
}

async function openBenchDatabase(serverUrl: string | undefined): Promise<{ database: Database; label: string; drop: () => Promise<void> }> {
  if (!serverUrl) return { database: await openDatabase({ kind: 'pglite' }), label: 'PGlite (in memory)', drop: async () => undefined };
  const name = `ulms_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 }),
    label: `PostgreSQL server (${url.host})`,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export async function setUpBench(serverUrl: string | undefined): Promise<BenchEnvironment> {
  const { database, label, drop } = await openBenchDatabase(serverUrl);
  await applyMigrations(database.sql, await readMigrations(migrationsDir));
  const kernel = startKernel({ plugins: installedPlugins, database, logger: pino({ level: 'warn' }), dataDir: join(tmpdir(), 'ulms-bench-files') });
  const institution = await kernel.services.get(tenancyServices.institutions).create({ code: 'BENCH', name: 'Benchmark University' });
  await kernel.services.get(tenancyServices.modules).enable(institution.id, 'users');
  const codeTables = kernel.services.get(usersServices.codeTables);
  const entries: [string, string, string[]][] = [
    ['USER_GROUP', 'UNDERGRAD', ['PUBLIC']],
    ['USER_GROUP', 'GRAD', ['PUBLIC']],
    ['USER_GROUP', 'FACULTY', ['PUBLIC', 'STAFF']],
    ['USER_GROUP', 'ALUMNI', ['PUBLIC']],
    ['USER_GROUP', 'COMMUNITY', ['PUBLIC']],
    ['USER_GROUP', 'STAFF', ['STAFF']],
    ['USER_GROUP', 'VENDOR', ['CONTACT']],
    ['JOB_CATEGORY', 'Cataloger', ['STAFF']],
    ['JOB_CATEGORY', 'Librarian', ['STAFF']],
    ['JOB_CATEGORY', 'Manager', ['STAFF']],
    ['IDENTIFIER_TYPE', 'BARCODE', []],
    ['IDENTIFIER_TYPE', 'UNIV_ID', []],
    ['IDENTIFIER_TYPE', 'ORCID', []],
  ];
  for (const [table, code, recordTypes] of entries) await codeTables.save(institution.id, { table, code, description: code, recordTypes });
  const caller = createCaller({
    services: kernel.services,
    requestId: 'bench',
    principal: {
      kind: 'staff',
      id: 'bench',
      displayName: 'Benchmark',
      institutionId: institution.id,
      permissions: new Set(kernel.permissions.keys()),
    },
  });
  return {
    database,
    kernel,
    institution,
    caller,
    databaseLabel: label,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}
