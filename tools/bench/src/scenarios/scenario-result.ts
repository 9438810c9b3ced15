import type { Timing } from '../measure.js';

/** One line of the report: the product's figures, the raw-SQL floor and their ratio. */
export interface ScenarioResult {
  readonly name: string;
  readonly product: Timing;
  readonly rawSql?: Timing;
  /** Product median and p95 over raw SQL median and p95. */
  readonly ratio?: { readonly median: number; readonly p95: number };
  readonly notes?: string;
}

export function compared(name: string, product: Timing, rawSql: Timing, notes?: string): ScenarioResult {
  const r = (a: number, b: number) => Math.round((a / Math.max(b, 0.001)) * 100) / 100;
  return {
    name,
    product,
    rawSql,
    ratio: { median: r(product.medianMs, rawSql.medianMs), p95: r(product.p95Ms, rawSql.p95Ms) },
    ...(notes ? { notes } : {}),
  };
}
