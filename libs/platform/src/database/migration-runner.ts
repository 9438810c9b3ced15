import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SqlRunner } from './sql-runner.js';

/** One migration file as found on disk. */
export interface MigrationFile {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

/** Raised when an applied migration's file no longer matches what was applied. */
export class MigrationChecksumError extends Error {
  constructor(readonly migration: string) {
    super(
      `migration "${migration}" was changed after it was applied; ` +
        'restore its original content and put the change in a new migration (npm run db:migration NAME)',
    );
    this.name = 'MigrationChecksumError';
  }
}

const LEDGER = '_ulms_migrations';
// Any fixed number works: it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_KEY = 804_211;

/** Reads `<dir>/<name>/migration.sql` files, ordered by folder name. */
export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && /^\d{4}_[a-z0-9_]+$/.test(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

async function ensureLedger(sql: SqlRunner): Promise<void> {
  await sql.exec(
    `CREATE TABLE IF NOT EXISTS "${LEDGER}" (
       name TEXT PRIMARY KEY,
       checksum TEXT NOT NULL,
       applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
     )`,
  );
}

async function appliedChecksums(sql: SqlRunner): Promise<Map<string, string>> {
  const rows = await sql.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${LEDGER}"`);
  return new Map(rows.map((r) => [r.name, r.checksum]));
}

function verifyChecksums(files: MigrationFile[], applied: Map<string, string>): void {
  for (const file of files) {
    const checksum = applied.get(file.name);
    if (checksum !== undefined && checksum !== file.checksum) {
      throw new MigrationChecksumError(file.name);
    }
  }
}

/**
 * Applies every migration not yet recorded, in order, each in its own transaction, and records it with
 * its checksum. Refuses to run when an applied migration's file has changed.
 */
export async function applyMigrations(sql: SqlRunner, files: MigrationFile[]): Promise<{ applied: string[] }> {
  await ensureLedger(sql);
  verifyChecksums(files, await appliedChecksums(sql));
  const applied: string[] = [];
  for (const file of files) {
    const didApply = await sql.transaction(async (tx) => {
      // Serialises concurrent start-ups; the re-check below sees the other process's commit.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const done = await tx.query(`SELECT 1 FROM "${LEDGER}" WHERE name = $1`, [file.name]);
      if (done.length > 0) return false;
      await tx.exec(file.sql);
      await tx.query(`INSERT INTO "${LEDGER}" (name, checksum) VALUES ($1, $2)`, [file.name, file.checksum]);
      return true;
    });
    if (didApply) applied.push(file.name);
  }
  return { applied };
}

/** Tells whether every migration file is applied unchanged (used by the health check). */
export async function migrationStatus(
  sql: SqlRunner,
  files: MigrationFile[],
): Promise<{ current: boolean; pending: string[]; changed: string[] }> {
  await ensureLedger(sql);
  const applied = await appliedChecksums(sql);
  const pending = files.filter((f) => !applied.has(f.name)).map((f) => f.name);
  const changed = files.filter((f) => applied.has(f.name) && applied.get(f.name) !== f.checksum).map((f) => f.name);
  return { current: pending.length === 0 && changed.length === 0, pending, changed };
}
