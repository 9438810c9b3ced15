import {
  type Database,
  type Kernel,
  migrationsDir,
  migrationStatus,
  openDatabase,
  readMigrations,
  startKernel,
} from '@ulms/platform';
import { pino } from 'pino';
import { serverConfigFromEnv } from '../config.js';
import { installedPlugins } from '../installed-plugins.js';
import { serverKernel } from '../operator/operator-socket.js';

/** Raised for a mistake the operator can fix; the CLI prints the message without a stack trace. */
export class CliError extends Error {}

/**
 * Opens the configured database, refuses to work on an unmigrated one, and starts the plugins; or, for a
 * command the running server carries out for the CLI (see operator-socket.ts), works on the server's own.
 */
export async function withKernel<T>(work: (kernel: Kernel, database: Database) => Promise<T>): Promise<T> {
  const running = serverKernel();
  if (running) return work(running.kernel, running.database);
  const database = await openDatabase(serverConfigFromEnv().database);
  try {
    const status = await migrationStatus(database.sql, await readMigrations(migrationsDir));
    if (!status.current) {
      throw new CliError(
        `the database is not migrated (pending: ${status.pending.join(', ') || 'none'}, ` +
          `changed: ${status.changed.join(', ') || 'none'}); run "ulms migrate" first`,
      );
    }
    const config = serverConfigFromEnv();
    const kernel = startKernel({
      plugins: installedPlugins,
      database,
      logger: pino({ level: 'warn' }),
      dataDir: config.dataDir,
    });
    return await work(kernel, database);
  } finally {
    await database.close();
  }
}
