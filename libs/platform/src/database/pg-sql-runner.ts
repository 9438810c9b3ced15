import type { Pool, PoolClient } from 'pg';
import type { SqlRunner } from './sql-runner.js';

function clientRunner(client: Pick<PoolClient, 'query'>): Omit<SqlRunner, 'transaction'> {
  return {
    async query<T>(text: string, params: unknown[] = [], options: { name?: string } = {}) {
      return (
        await client.query({
          text,
          values: params,
          ...(options.name ? { name: options.name } : {}),
        })
      ).rows as T[];
    },
    async exec(script: string) {
      await client.query(script);
    },
  };
}

/** A SqlRunner on a PostgreSQL server through a `pg` pool. */
export function pgSqlRunner(pool: Pool): SqlRunner {
  return {
    ...clientRunner(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          ...clientRunner(client),
          transaction: () => {
            throw new Error('nested transactions are not supported');
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
