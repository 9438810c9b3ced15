import type { OutboxStatus } from '@ulms/letters/contracts';

export const statusLabels: Readonly<Record<OutboxStatus, string>> = {
  QUEUED: 'Queued',
  SENDING: 'Sending',
  SENT: 'Sent',
  FAILED: 'Failed',
  HELD: 'Held',
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** A moment in the browser's locale and zone. */
export const formatDateTime = (value: Date): string => dateTime.format(value);

/** A moment as its date and its time, for a list cell of two lines. */
export const dateAndTime = (value: Date): readonly [string, string] => [dateOnly.format(value), timeOnly.format(value)];

/** An attachment's size: "812 B", "14.2 KB", "1.3 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
