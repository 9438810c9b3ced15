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

/** Rounded to `digits` decimals, for the report. */
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Milliseconds as seconds, rounded for the report. */
export const seconds = (ms: number) => round(ms / 1000);

/** A target judged on one figure the scenario measured itself. */
export const targetOf = (figure: ScenarioTarget['figure'], limitMs: number, valueMs: number): ScenarioTarget => ({
  figure,
  limitMs,
  valueMs: round(valueMs),
  ratio: round(valueMs / limitMs, 2),
  met: valueMs < limitMs,
});

/** One timed run as a timing: its time, and `count` over it per second. */
export const once = (ms: number, count: number): Timing => ({
  samples: 1,
  medianMs: round(ms),
  p95Ms: round(ms),
  p99Ms: round(ms),
  perSecond: round((count / ms) * 1000),
});
