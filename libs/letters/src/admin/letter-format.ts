import type { OutboxStatus } from '@ulms/letters/contracts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** A date and time as the letter screens show it; `fallback` when there is none. */
export const formatDateTime = (value: Date | null, fallback = '—'): string =>
  value ? dateTime.format(value) : fallback;

/** The date and the time apart, for a list's two-line cell. */
export const dateAndTime = (value: Date): [string, string] => [dateOnly.format(value), timeOnly.format(value)];

export const statusLabels: Readonly<Record<OutboxStatus, string>> = {
  QUEUED: 'Queued',
  SENDING: 'Sending',
  SENT: 'Sent',
  FAILED: 'Failed',
  HELD: 'Held',
};

/** "12.3 KB": an attachment's size. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
