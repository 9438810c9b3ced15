/** The few raw-SQL operations the kernel needs, implemented for PGlite and for a PostgreSQL pool. */
export interface SqlRunner {
  /**
   * Runs one parameterised statement and returns its rows. A `name` prepares it once per connection and
   * reuses its plan: for hot statements whose best plan does not depend on the values.
   */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], options?: { name?: string }): Promise<T[]>;
  /** Runs a script of one or more statements without parameters. */
  exec(script: string): Promise<void>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
}
