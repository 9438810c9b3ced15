import { resolve } from 'node:path';
import { type DatabaseLocation, databaseLocationFromEnv, rateLimitFromEnv } from '@ulms/platform';

/** Where the repository's runtime folders are: the embedded database and the built admin app. */
export const repositoryRoot = resolve(import.meta.dirname, '../../..');

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseLocation;
  readonly adminDir: string;
  /** Files the plugins keep, such as attachments. */
  readonly dataDir: string;
  readonly logLevel: string;
  readonly secureCookies: boolean;
  /** Requests per second per institution on the Alma-format REST API (counted by each server process). */
  readonly restRateLimit?: number;
  /** Server processes sharing the port (`WORKERS`, 1): more than one needs a PostgreSQL server. */
  readonly workers?: number;
}

/** `WORKERS`: a whole number of server processes, 1 when unset. */
export function workersFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env['WORKERS'];
  if (value === undefined || value === '') return 1;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64)
    throw new Error(`WORKERS must be a whole number from 1 to 64, not "${value}"`);
  return workers;
}

/** Reads the server's settings from the environment, with defaults that run on a fresh clone. */
export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: Number(env['PORT'] ?? 3000),
    host: env['HOST'] ?? '127.0.0.1',
    database: databaseLocationFromEnv(env, resolve(repositoryRoot, 'data/pglite')),
    adminDir: env['ADMIN_DIR'] ?? resolve(repositoryRoot, 'apps/admin/dist'),
    dataDir: env['DATA_DIR'] ?? resolve(repositoryRoot, 'data/files'),
    logLevel: env['LOG_LEVEL'] ?? 'info',
    secureCookies: env['COOKIE_SECURE'] === 'true',
    restRateLimit: rateLimitFromEnv(env),
    workers: workersFromEnv(env),
  };
}
