import type { OutboxStatus } from '@ulms/letters/contracts';
import { statusLabels } from './letter-format.js';
import './letters-user.css';

/** A letter's outbox status as a badge. */
export function LetterStatus({ status }: { readonly status: OutboxStatus }) {
  return <span className={`badge letters-status letters-status--${status.toLowerCase()}`}>{statusLabels[status]}</span>;
}
