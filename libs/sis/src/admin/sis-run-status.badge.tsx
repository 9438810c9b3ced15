import type { SisRunStatus } from '@ulms/sis/contracts';
import { statusLabels } from './sis-format.js';

/** A run's status as a coloured badge. */
export function SisRunStatusBadge({ status }: { readonly status: SisRunStatus }) {
  return <span className={`badge sis-status sis-status--${status.toLowerCase()}`}>{statusLabels[status]}</span>;
}
