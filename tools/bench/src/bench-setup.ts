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
import { BLOCKS_MODULE, type BlocksConfig } from '@ulms/blocks';
import { FINES_MODULE, type FinesConfig } from '@ulms/fines';
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
  /** The database's URL on a PostgreSQL server (other processes can open it); none for PGlite in memory. */
  readonly databaseUrl?: string;
  /** Users already in a kept database from an earlier run (0 in a fresh one). */
  readonly loadedUsers: number;
  close(): Promise<void>;
}

interface OpenedBenchDatabase {
  readonly database: Database;
  readonly label: string;
  readonly url?: string;
  readonly drop: () => Promise<void>;
}

async function adminQuery(serverUrl: string, statement: string): Promise<number> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return (await admin.query(statement)).rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

/** A fresh database dropped at the end, or with `keepAs` a named one kept (and reused) between runs. */
async function openBenchDatabase(
  serverUrl: string | undefined,
  keepAs: string | undefined,
): Promise<OpenedBenchDatabase> {
  if (!serverUrl)
    return {
      database: await openDatabase({ kind: 'pglite' }),
      label: 'PGlite (in memory)',
      drop: async () => undefined,
    };
  const name = keepAs ?? `ulms_bench_${randomBytes(4).toString('hex')}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`--database: "${name}" is not a plain lower-case database name`);
  const exists = (await adminQuery(serverUrl, `SELECT 1 FROM pg_database WHERE datname = '${name}'`)) > 0;
  if (!exists) await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({
      kind: 'postgres',
      url: url.toString(),
      poolSize: 10,
    }),
    label: `PostgreSQL server (${url.host}/${name})`,
    url: url.toString(),
    drop: async () => {
      if (!keepAs) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const BENCH_INSTITUTION = 'BENCH';
const BENCH_WAIVING_LIMIT = 1_000_000;
const BENCH_DEBT_LIMITS = [
  { userGroup: 'UNDERGRAD', limit: '20' },
  { userGroup: 'GRAD', limit: '50' },
];

/** The automatic-block rules the blocks module ships, all switched on for the bench. */
export const BENCH_BLOCK_RULES: readonly string[] = ['blocks.debt-limit', 'blocks.expired-user'];

export async function setUpBench(serverUrl: string | undefined, keepAs?: string): Promise<BenchEnvironment> {
  const { database, label, url, drop } = await openBenchDatabase(serverUrl, keepAs);
  await applyMigrations(database.sql, await readMigrations(migrationsDir));
  const kernel = startKernel({
    plugins: installedPlugins,
    database,
    logger: pino({ level: 'warn' }),
    dataDir: join(tmpdir(), 'ulms-bench-files'),
  });
  const institutions = kernel.services.get(tenancyServices.institutions);
  const existing = await institutions.findByCode(BENCH_INSTITUTION);
  const institution =
    existing ??
    (await institutions.create({
      code: BENCH_INSTITUTION,
      name: 'Benchmark University',
    }));
  const userCount = existing
    ? await database.prisma.user.count({
        where: { institutionId: institution.id },
      })
    : 0;
  const modules = kernel.services.get(tenancyServices.modules);
  if (!existing) await modules.enable(institution.id, 'users');
  // The fines module, as `ulms setup` enables the shipped modules (a kept database from before it gets it too),
  // with a waiving limit above the fees the "Waive All" scenario waives at once (the default is 100) and debt
  // limits for two user groups, for the debt-limit check.
  const fines = await modules.config<FinesConfig>(institution.id, FINES_MODULE);
  if (
    !(await modules.isEnabled(institution.id, FINES_MODULE)) ||
    fines.waivingFinesFeesLimit < BENCH_WAIVING_LIMIT ||
    fines.debtLimits.length === 0
  )
    await modules.enable(institution.id, FINES_MODULE, {
      ...fines,
      waivingFinesFeesLimit: BENCH_WAIVING_LIMIT,
      debtLimits: fines.debtLimits.length ? fines.debtLimits : BENCH_DEBT_LIMITS,
    });
  // The blocks module too, with every rule it ships switched on (the debt limit above and the expired user): a kept
  // database from before it, or one where a run switched a rule off, gets them back.
  const blocks = await modules.config<BlocksConfig>(institution.id, BLOCKS_MODULE);
  const switchedOn = (id: string) => blocks.rules.some((r) => r.id === id && r.enabled);
  if (!(await modules.isEnabled(institution.id, BLOCKS_MODULE)) || !BENCH_BLOCK_RULES.every(switchedOn))
    await modules.enable(institution.id, BLOCKS_MODULE, {
      ...blocks,
      rules: [
        ...blocks.rules.filter((r) => !BENCH_BLOCK_RULES.includes(r.id)),
        ...BENCH_BLOCK_RULES.map((id) => ({
          id,
          enabled: true,
          settings: blocks.rules.find((r) => r.id === id)?.settings ?? {},
        })),
      ],
    });
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
  if (!existing)
    for (const [table, code, recordTypes] of entries)
      await codeTables.save(institution.id, {
        table,
        code,
        description: code,
        recordTypes,
      });
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
    ...(url ? { databaseUrl: url } : {}),
    loadedUsers: userCount,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}
