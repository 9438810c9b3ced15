import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmptyTestDatabase } from '../testing/test-database.js';
import type { Database } from './database.js';
import { applyMigrations, MigrationChecksumError, migrationStatus, readMigrations } from './migration-runner.js';
import { migrationsDir } from './migrations-dir.js';

async function writeMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(join(dir, name), { recursive: true });
  await writeFile(join(dir, name, 'migration.sql'), sql);
}

describe(`migration runner (${process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let dir: string;
  beforeEach(async () => {
    database = await openEmptyTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'ulms-migrations-'));
  });
  afterEach(() => database.close());

  it('applies the project migrations in order, once', async () => {
    const files = await readMigrations(migrationsDir);
    expect(files.length).toBeGreaterThan(0);
    expect((await applyMigrations(database.sql, files)).applied).toEqual(files.map((f) => f.name));
    expect((await applyMigrations(database.sql, files)).applied).toEqual([]);
    expect(await migrationStatus(database.sql, files)).toEqual({ current: true, pending: [], changed: [] });
    const tables = await database.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Institution'`,
    );
    expect(tables[0]?.n).toBe(1);
  });

  it('runs them by folder order and reports the ones still pending', async () => {
    await writeMigration(dir, '0002_second', 'ALTER TABLE t ADD COLUMN b INT;');
    await writeMigration(dir, '0001_first', 'CREATE TABLE t (a INT);');
    const first = (await readMigrations(dir)).slice(0, 1);
    await applyMigrations(database.sql, first);
    const status = await migrationStatus(database.sql, await readMigrations(dir));
    expect(status).toEqual({ current: false, pending: ['0002_second'], changed: [] });
    expect((await applyMigrations(database.sql, await readMigrations(dir))).applied).toEqual(['0002_second']);
  });

  it('refuses to run when an applied migration was changed afterwards', async () => {
    await writeMigration(dir, '0001_first', 'CREATE TABLE t (a INT);');
    await applyMigrations(database.sql, await readMigrations(dir));
    await writeMigration(dir, '0001_first', 'CREATE TABLE t (a BIGINT);');
    await writeMigration(dir, '0002_second', 'CREATE TABLE u (a INT);');
    const changed = await readMigrations(dir);
    await expect(applyMigrations(database.sql, changed)).rejects.toThrow(MigrationChecksumError);
    await expect(applyMigrations(database.sql, changed)).rejects.toThrow(
      'migration "0001_first" was changed after it was applied',
    );
    const status = await migrationStatus(database.sql, changed);
    expect(status.changed).toEqual(['0001_first']);
    const u = await database.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'u'`);
    expect(u).toHaveLength(0);
  });

  it('rolls a failing migration back whole and does not record it', async () => {
    await writeMigration(dir, '0001_broken', 'CREATE TABLE v (a INT); INSERT INTO nowhere VALUES (1);');
    await expect(applyMigrations(database.sql, await readMigrations(dir))).rejects.toThrow(/nowhere/);
    const v = await database.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'v'`);
    expect(v).toHaveLength(0);
    expect((await migrationStatus(database.sql, await readMigrations(dir))).pending).toEqual(['0001_broken']);
  });
});
