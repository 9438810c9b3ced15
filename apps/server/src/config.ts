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
  /** Requests per second per institution on the Alma-format REST API. */
  readonly restRateLimit?: number;
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
  };
}
