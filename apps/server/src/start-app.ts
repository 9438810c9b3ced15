import {
  applyMigrations,
  type Database,
  jobServices,
  type Kernel,
  migrationsDir,
  openDatabase,
  readMigrations,
  startKernel,
  workerServices,
} from '@ulms/platform';
import type { FastifyInstance } from 'fastify';
import { type Logger, pino } from 'pino';
import { appRouter } from './app-router.js';
import type { ServerConfig } from './config.js';
import { buildCli } from './cli/build-cli.js';
import { buildServer } from './http/build-server.js';
import { operatorSocketPath, startOperatorSocket } from './operator/operator-socket.js';
import { installedPlugins } from './installed-plugins.js';
import { seedDemoInstitution } from './seed/demo-seed.js';

export interface RunningApp {
  readonly kernel: Kernel;
  readonly database: Database;
  readonly server: FastifyInstance;
  readonly url: string;
  /** Whether this start created the demo institution (its sign-in is printed only then). */
  readonly demoCreated: boolean;
  /** Stops taking requests, finishes the ones in flight, then closes the database. */
  stop(): Promise<void>;
}

type Migrations = Awaited<ReturnType<typeof readMigrations>>;

async function migrate(database: Database, migrations: Migrations, logger: Logger) {
  const { applied } = await applyMigrations(database.sql, migrations);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
}

/** Seeds the demo on an empty database; true when this start created it. */
async function seed(kernel: Kernel, logger: Logger, seedDemo: boolean): Promise<boolean> {
  return seedDemo ? seedDemoInstitution(kernel, logger) : false;
}

/**
 * The start-up steps only one process may take, before any serves: the migrations and the demo seed. The
 * primary of several server processes (`WORKERS`) takes them, then starts the others `prepared`. Jobs a
 * stopped process left running are not failed here: each serving process takes them over once their lease
 * has run out.
 */
export async function prepareDatabase(
  config: ServerConfig,
  options: { seedDemo: boolean },
): Promise<{ demoCreated: boolean }> {
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config.database);
  try {
    await migrate(database, await readMigrations(migrationsDir), logger);
    const kernel = startKernel({
      plugins: installedPlugins,
      database,
      logger,
      dataDir: config.dataDir,
    });
    return { demoCreated: await seed(kernel, logger, options.seedDemo) };
  } finally {
    await database.close();
  }
}

/**
 * Opens and migrates the database, starts the plugins, seeds the demo on an empty database, listens. With
 * `prepared`, `prepareDatabase` has taken the start-up steps in another process and this one only serves.
 */
export async function startApp(
  config: ServerConfig,
  options: { seedDemo: boolean; prepared?: boolean },
): Promise<RunningApp> {
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config.database);
  const migrations = await readMigrations(migrationsDir);
  if (!options.prepared) await migrate(database, migrations, logger);

  const kernel = startKernel({
    plugins: installedPlugins,
    database,
    logger,
    dataDir: config.dataDir,
  });
  const demoCreated = options.prepared ? false : await seed(kernel, logger, options.seedDemo);

  const server = await buildServer({
    kernel,
    database,
    router: appRouter,
    migrations,
    secureCookies: config.secureCookies,
    restRateLimit: config.restRateLimit,
    adminDir: config.adminDir,
    logLevel: config.logLevel,
  });
  const url = await server.listen({ port: config.port, host: config.host });
  // Every process takes over the jobs of processes that stopped, once their lease has run out.
  const jobs = kernel.services.get(jobServices.jobs);
  jobs.startRecovery();
  const workers = kernel.services.get(workerServices.workers);
  workers.start();
  const socketPath = operatorSocketPath(config.database);
  const operator = socketPath
    ? await startOperatorSocket(socketPath, { kernel, database }, (argv, io) =>
        buildCli(io.print, io)
          .parseAsync(argv, { from: 'user' })
          .then(() => undefined),
      )
    : null;
  return {
    kernel,
    database,
    server,
    url,
    demoCreated,
    async stop() {
      await operator?.close();
      await server.close();
      await workers.stop();
      await jobs.stop();
      await database.close();
    },
  };
}
