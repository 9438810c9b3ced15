import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { SqlRunner } from './sql-runner.js';

type PGliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function runnerOn(db: PGliteLike, transaction: SqlRunner['transaction']): SqlRunner {
  return {
    // One process, one connection: PGlite has nothing to gain from naming a statement.
    async query<T>(text: string, params: unknown[] = []) {
      return (await db.query<T>(text, params)).rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
    transaction,
  };
}

/** A SqlRunner on an embedded PGlite database. */
export function pgliteSqlRunner(pglite: PGlite): SqlRunner {
  return runnerOn(pglite, (work) =>
    pglite.transaction((tx) =>
      work(
        runnerOn(tx, () => {
          throw new Error('nested transactions are not supported');
        }),
      ),
    ),
  );
}
