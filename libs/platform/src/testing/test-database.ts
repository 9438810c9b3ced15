import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../database/database.js';
import { applyMigrations, readMigrations } from '../database/migration-runner.js';
import { migrationsDir } from '../database/migrations-dir.js';

/** Opens a fresh, empty database: a new database on `TEST_DATABASE_URL`'s server when it is set,
 * PGlite in memory otherwise. Closing it drops the server database. */
export async function openEmptyTestDatabase(): Promise<Database> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) return openDatabase({ kind: 'pglite' });

  const name = `ulms_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** A fresh database with every migration applied. */
export async function openTestDatabase(): Promise<Database> {
  const database = await openEmptyTestDatabase();
  await applyMigrations(database.sql, await readMigrations(migrationsDir));
  return database;
}
