// Writes the next migration from the difference between the schema as of the last migration (a snapshot
// kept beside the migrations) and the schema now. `prisma migrate dev` needs engines we cannot download.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const schemaDir = join(root, 'prisma/schema');
const migrationsDir = join(root, 'prisma/migrations');
const snapshotDir = join(migrationsDir, 'schema-snapshot');

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error('usage: npm run db:migration <name>   (lower-case letters, digits and underscores)');
  process.exit(2);
}

const from = existsSync(snapshotDir) ? ['--from-schema-datamodel', snapshotDir] : ['--from-empty'];
const sql = execFileSync(
  'npx',
  ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', schemaDir, '--script'],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ''))) {
  console.log('The schema has not changed since the last migration: nothing written.');
  process.exit(0);
}

const existing = readdirSync(migrationsDir).filter((d) => /^\d{4}_/.test(d));
const next = String(existing.length + 1).padStart(4, '0');
const folder = join(migrationsDir, `${next}_${name}`);
mkdirSync(folder);
writeFileSync(join(folder, 'migration.sql'), sql);
rmSync(snapshotDir, { recursive: true, force: true });
cpSync(schemaDir, snapshotDir, { recursive: true });
console.log(`Wrote ${folder}/migration.sql and refreshed the schema snapshot.`);
