import type { OutboxStatus } from '@ulms/letters/contracts';
import { statusLabels } from './outbox-format.js';

/** A letter's status as a coloured badge. */
export function OutboxStatusBadge({ status }: { readonly status: OutboxStatus }) {
  return <span className={`badge letters-status letters-status--${status.toLowerCase()}`}>{statusLabels[status]}</span>;
}
