import type { OutboxStatus } from '@ulms/letters/contracts';
import { statusLabels } from './letter-format.js';

/** A letter's status as a coloured badge. */
export function LetterStatusBadge({ status }: { readonly status: OutboxStatus }) {
  return <span className={`badge letters-status letters-status--${status.toLowerCase()}`}>{statusLabels[status]}</span>;
}
