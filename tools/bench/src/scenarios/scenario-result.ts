import type { Timing } from '../measure.js';
import type { StatementCount } from '../statement-count.js';

/** An absolute target of the issue: the figure it is judged on, its limit, and their ratio (≤ 1 is met). */
export interface ScenarioTarget {
  readonly figure: 'p95' | 'worst';
  readonly limitMs: number;
  readonly valueMs: number;
  readonly ratio: number;
  readonly met: boolean;
}

/** One line of the report: the product's figures, the raw-SQL floor and their ratio. */
export interface ScenarioResult {
  readonly name: string;
  readonly product: Timing;
  readonly rawSql?: Timing;
  /** Product median and p95 over raw SQL median and p95. */
  readonly ratio?: { readonly median: number; readonly p95: number };
  readonly target?: ScenarioTarget;
  /** The SQL statements one call sends (PostgreSQL server only), where the issue asks how many. */
  readonly statements?: StatementCount;
  readonly notes?: string;
}

const r = (a: number, b: number) => Math.round((a / Math.max(b, 0.001)) * 100) / 100;

export function compared(name: string, product: Timing, rawSql: Timing, notes?: string): ScenarioResult {
  return {
    name,
    product,
    rawSql,
    ratio: { median: r(product.medianMs, rawSql.medianMs), p95: r(product.p95Ms, rawSql.p95Ms) },
    ...(notes ? { notes } : {}),
  };
}

/** The result judged against a p95 limit, or against the worst run (the p99 of a few timed runs). */
export function withTarget(
  result: ScenarioResult,
  limit: { readonly p95Ms: number } | { readonly worstMs: number },
): ScenarioResult {
  const [figure, limitMs, valueMs] =
    'p95Ms' in limit
      ? (['p95', limit.p95Ms, result.product.p95Ms] as const)
      : (['worst', limit.worstMs, result.product.p99Ms] as const);
  return { ...result, target: { figure, limitMs, valueMs, ratio: r(valueMs, limitMs), met: valueMs < limitMs } };
}
