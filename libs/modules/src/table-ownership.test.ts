import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A module keeps its data in its own schema file (prisma/schema/<module id>.prisma) and reaches another
// module's data only through that module's services; this reads every module's and plugin's source for
// Prisma or SQL use of a table it does not own.
const root = resolve(import.meta.dirname, '../../..');
const schemaDir = join(root, 'prisma/schema');

const modelsOf = (file: string): string[] =>
  [...readFileSync(join(schemaDir, file), 'utf8').matchAll(/^model (\w+)/gm)].map((m) => m[1] ?? '');

const allModels = readdirSync(schemaDir)
  .filter((f) => f.endsWith('.prisma'))
  .flatMap((f) => modelsOf(f));

interface Project {
  id: string;
  dir: string;
}

function moduleProjects(): Project[] {
  const projects: Project[] = [];
  for (const parent of ['libs', 'plugins']) {
    const parentDir = join(root, parent);
    if (!existsSync(parentDir)) continue;
    for (const name of readdirSync(parentDir)) {
      const manifest = join(parentDir, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const nx = (JSON.parse(readFileSync(manifest, 'utf8')) as { nx?: { name?: string; tags?: string[] } }).nx;
      const tags = nx?.tags ?? [];
      if (tags.includes('type:module') || tags.includes('type:plugin')) {
        projects.push({ id: nx?.name ?? name, dir: join(parentDir, name, 'src') });
      }
    }
  }
  return projects;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const OPERATIONS =
  'findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|create|createMany|update|updateMany|delete|deleteMany|upsert|count|aggregate|groupBy';

/** Each use of a foreign table in `source`: `prisma.user.findMany`, `tx.user.update`, or `FROM "User"` in SQL. */
function foreignTableUses(source: string, foreignModels: readonly string[]): string[] {
  return foreignModels.filter((model) => {
    const delegate = model[0]?.toLowerCase() + model.slice(1);
    return (
      // A call, so that a permission such as 'users.user.create' is not taken for one.
      new RegExp(`\\.${delegate}\\.(${OPERATIONS})\\s*\\(`).test(source) ||
      new RegExp(`\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+"${model}"`, 'i').test(source)
    );
  });
}

describe('modules own their data', () => {
  it('finds a foreign table used through Prisma or SQL', () => {
    expect(foreignTableUses('await prisma.user.findMany({})', ['User'])).toEqual(['User']);
    expect(foreignTableUses('SELECT 1 FROM "User" u', ['User'])).toEqual(['User']);
    expect(foreignTableUses('UPDATE "User" SET x = 1', ['User'])).toEqual(['User']);
    expect(foreignTableUses('await users.search(institution, {})', ['User'])).toEqual([]);
    expect(foreignTableUses("can('users.user.create')", ['User'])).toEqual([]);
    expect(foreignTableUses('<input placeholder="Institution" />', ['Institution'])).toEqual([]);
  });

  it.each(moduleProjects())('$id uses only its own tables', ({ id, dir }) => {
    const own = existsSync(join(schemaDir, `${id}.prisma`)) ? modelsOf(`${id}.prisma`) : [];
    const foreign = allModels.filter((m) => !own.includes(m));
    const uses = sourceFiles(dir).flatMap((file) =>
      foreignTableUses(readFileSync(file, 'utf8'), foreign).map((model) => `${file.slice(root.length + 1)}: ${model}`),
    );
    expect(uses).toEqual([]);
  });
});
