import type { Prisma, PrismaClient } from '@prisma/client';
import type { Database } from './database.js';
import type { SqlRunner } from './sql-runner.js';

/** Prisma's default (5 s) suits a request's few statements, not a seed of hundreds of records. */
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/**
 * Runs `work` on a view of `database` that is one transaction: committed when `work` resolves, rolled back
 * when it throws. Prisma, the raw runner and the services' own transactions (savepoints here) all go through
 * it, so a kernel started on the view does all its work in that one transaction. While it runs, nothing may
 * use `database` itself: PGlite has one connection, which the transaction holds.
 */
export async function inDatabaseTransaction<T>(
  database: Database,
  work: (tx: Database) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return database.prisma.$transaction((tx) => work(transactionDatabase(database.kind, tx)), {
    timeout,
    maxWait: timeout,
  });
}

function transactionDatabase(kind: Database['kind'], tx: Prisma.TransactionClient): Database {
  let savepoints = 0;
  const inSavepoint = async <T>(work: () => Promise<T>): Promise<T> => {
    const name = `ulms_nested_${(savepoints += 1)}`;
    await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  };
  const nested = (work: unknown): Promise<unknown> =>
    Array.isArray(work)
      ? inSavepoint(async () => {
          const results: unknown[] = [];
          for (const statement of work) results.push(await statement);
          return results;
        })
      : inSavepoint(() => (work as (client: PrismaClient) => Promise<unknown>)(prisma));
  const prisma = new Proxy(tx, {
    get: (target, property) => (property === '$transaction' ? nested : Reflect.get(target, property)),
  }) as unknown as PrismaClient;
  const sql: SqlRunner = {
    async query<T>(text: string, params: unknown[] = []) {
      return tx.$queryRawUnsafe<T[]>(text, ...params);
    },
    async exec(script: string) {
      await tx.$executeRawUnsafe(script);
    },
    transaction: (work) => inSavepoint(() => work(sql)),
  };
  return {
    kind,
    prisma,
    sql,
    async close() {
      throw new Error('a transaction ends with its work, it is not closed');
    },
  };
}
