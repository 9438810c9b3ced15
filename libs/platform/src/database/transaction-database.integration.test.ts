import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.js';
import type { Database } from './database.js';
import { inDatabaseTransaction } from './transaction-database.js';

describe('a database view that is one transaction', () => {
  let database: Database;
  let institutionId: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    institutionId = (
      await database.prisma.institution.create({
        data: {
          code: 'TX',
          name: 'Transactions',
          timeZone: 'UTC',
          defaultCurrency: 'EUR',
          defaultLanguage: 'en',
        },
      })
    ).id;
  });
  afterAll(() => database.close());

  const library = (tx: Database, code: string) =>
    tx.prisma.library.create({ data: { institutionId, code, name: code } });
  const codes = async () => (await database.prisma.library.findMany({ orderBy: { code: 'asc' } })).map((l) => l.code);

  it('commits Prisma, raw SQL and nested transactions together, and a failed nested one alone rolls back', async () => {
    const seen = await inDatabaseTransaction(database, async (tx) => {
      await library(tx, 'A');
      await tx.prisma.$transaction(async (nested) => {
        await nested.library.create({
          data: { institutionId, code: 'B', name: 'B' },
        });
      });
      await tx.prisma.$transaction([
        tx.prisma.library.create({
          data: { institutionId, code: 'C', name: 'C' },
        }),
      ]);
      await expect(
        tx.prisma.$transaction(async () => {
          await library(tx, 'GONE');
          throw new Error('nested failure');
        }),
      ).rejects.toThrow('nested failure');
      await tx.sql.transaction((sql) => sql.query('SELECT 1'));
      return tx.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "Library"');
    });
    expect(seen).toEqual([{ n: 3 }]);
    expect(await codes()).toEqual(['A', 'B', 'C']);
  });

  it('leaves nothing behind when the work throws', async () => {
    await expect(
      inDatabaseTransaction(database, async (tx) => {
        await library(tx, 'D');
        await tx.sql.query(
          `INSERT INTO "Library" (id, "institutionId", code, name) VALUES (gen_random_uuid(), $1::uuid, 'E', 'E')`,
          [institutionId],
        );
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await codes()).toEqual(['A', 'B', 'C']);
  });
});
