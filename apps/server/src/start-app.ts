import {
  applyMigrations,
  type Database,
  jobServices,
  type Kernel,
  migrationsDir,
  openDatabase,
  readMigrations,
  startKernel,
} from '@ulms/platform';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { appRouter } from './app-router.js';
import type { ServerConfig } from './config.js';
import { buildServer } from './http/build-server.js';
import { installedPlugins } from './installed-plugins.js';
import { seedDemoInstitution } from './seed/demo-seed.js';

export interface RunningApp {
  readonly kernel: Kernel;
  readonly database: Database;
  readonly server: FastifyInstance;
  readonly url: string;
  /** Stops taking requests, finishes the ones in flight, then closes the database. */
  stop(): Promise<void>;
}

/** Opens and migrates the database, starts the plugins, seeds the demo on an empty database, listens. */
export async function startApp(config: ServerConfig, options: { seedDemo: boolean }): Promise<RunningApp> {
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config.database);
  const migrations = await readMigrations(migrationsDir);
  const { applied } = await applyMigrations(database.sql, migrations);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');

  const kernel = startKernel({ plugins: installedPlugins, database, logger, dataDir: config.dataDir });
  const interrupted = await kernel.services.get(jobServices.jobs).failInterrupted();
  if (interrupted > 0) logger.warn({ interrupted }, 'jobs interrupted by the last stop were marked failed');
  if (options.seedDemo) await seedDemoInstitution(kernel, logger);

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
  return {
    kernel,
    database,
    server,
    url,
    async stop() {
      await server.close();
      await database.close();
    },
  };
}
