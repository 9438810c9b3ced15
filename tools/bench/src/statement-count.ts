import pg from 'pg';

// The statements a piece of work sends to PostgreSQL, counted in this process: every query of the platform's pool,
// raw SQL and Prisma's alike, goes through `pg.Client.prototype.query` (pg_stat_statements would need the server
// restarted with it preloaded, and counts other processes' statements too). PGlite is not counted.
let recording: string[] | null = null;
let installed = false;

const textOf = (config: unknown): string => {
  const text = typeof config === 'string' ? config : ((config as { text?: unknown } | null)?.text ?? '');
  return String(text).replace(/\s+/g, ' ').trim();
};

function install(): void {
  if (installed) return;
  installed = true;
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    recording?.push(textOf(args[0]));
    return query.apply(this, args);
  };
}

/** What `work` sent, one entry per statement (its text, whitespace folded), when run alone in this process. */
export async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  install();
  if (recording) throw new Error('statementsOf: already counting');
  const sent: string[] = [];
  recording = sent;
  try {
    await work();
  } finally {
    recording = null;
  }
  return sent;
}

/** How many statements each of `runs` calls sent (after one untimed call that fills the caches), and one call's. */
export interface StatementCount {
  readonly perCall: { readonly min: number; readonly median: number; readonly max: number };
  /** The statements of a call that sent the median number, each cut to 160 characters. */
  readonly statements: readonly string[];
}

export async function countStatements<T>(inputs: readonly T[], work: (input: T) => Promise<unknown>) {
  const [first] = inputs;
  if (first === undefined) throw new Error('countStatements: no input');
  await work(first);
  const calls: string[][] = [];
  for (const input of inputs) calls.push(await statementsOf(() => work(input)));
  calls.sort((a, b) => a.length - b.length);
  const median = calls[Math.floor(calls.length / 2)] ?? [];
  return {
    perCall: { min: calls[0]?.length ?? 0, median: median.length, max: calls[calls.length - 1]?.length ?? 0 },
    statements: median.map((s) => (s.length > 160 ? `${s.slice(0, 157)}…` : s)),
  } satisfies StatementCount;
}
