import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

describe('the embedded database', () => {
  it('is created in a folder whose parents do not exist yet, as ./data/pglite on a fresh clone', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'ulms-fresh-')), 'data', 'pglite');
    const database = await openDatabase({ kind: 'pglite', dataDir });
    expect(await database.sql.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await database.close();
  });
});
