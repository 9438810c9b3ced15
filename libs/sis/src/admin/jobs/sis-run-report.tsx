import type { SisRunCounts } from '@ulms/sis/contracts';
import '../sis-admin.css';
import { SisRunCountsList } from '../run/sis-run-counts.js';

const countKeys = ['processed', 'created', 'updated', 'unchanged', 'rejected', 'deactivated'] as const;

/** The report of a sis.run job (its counts), or null when it is not one. */
function countsOf(report: unknown): SisRunCounts | null {
  if (typeof report !== 'object' || report === null) return null;
  const values = report as Record<string, unknown>;
  return countKeys.every((key) => typeof values[key] === 'number') ? (values as unknown as SisRunCounts) : null;
}

/** A SIS run's report on the Jobs page: what it created, updated, left, rejected and deactivated. */
export function SisRunReport({ report }: { readonly report: unknown }) {
  const counts = countsOf(report);
  return counts ? <SisRunCountsList counts={counts} label="SIS run counts" /> : null;
}
