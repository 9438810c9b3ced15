import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { pgliteSqlRunner } from './pglite-sql-runner.js';
import { pgSqlRunner } from './pg-sql-runner.js';
import type { SqlRunner } from './sql-runner.js';

/** An open database: the Prisma client for repositories and a raw runner for migrations and bulk work. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly prisma: PrismaClient;
  readonly sql: SqlRunner;
  close(): Promise<void>;
}

/** Where the database lives: a PostgreSQL URL, a PGlite folder, or PGlite in memory. */
export type DatabaseLocation =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string };

/** Reads the location from `DATABASE_URL` (a server) or falls back to PGlite in `defaultDataDir`. */
export function databaseLocationFromEnv(env: NodeJS.ProcessEnv, defaultDataDir: string): DatabaseLocation {
  const url = env['DATABASE_URL'];
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: env['PGLITE_DATA_DIR'] ?? defaultDataDir };
}

/** Opens a database at `location`. PGlite is created with the extensions the schema needs. */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if (location.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: location.url,
      max: location.poolSize ?? 10,
    });
    // An idle connection the server closes (a restart, a dropped database) must not crash the process:
    // the pool replaces it, and the next query that cannot run reports the failure itself.
    pool.on('error', () => undefined);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      kind: 'postgres',
      prisma,
      sql: pgSqlRunner(pool),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  // PGlite creates its own folder but not the ones above it (./data on a fresh clone).
  if (location.dataDir) await mkdir(dirname(location.dataDir), { recursive: true });
  const pglite = await PGlite.create(location.dataDir, {
    extensions: { pg_trgm },
  });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: 'pglite',
    prisma,
    sql: pgliteSqlRunner(pglite),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
