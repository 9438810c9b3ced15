import type { SisRunOutcome, SisRunStatus } from '@ulms/sis/contracts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** An ISO moment as the SIS screens show it; `fallback` when there is none. */
export const formatDateTime = (iso: string | null, fallback = '—'): string =>
  iso ? dateTime.format(new Date(iso)) : fallback;

/** The date and the time apart, for a list's two-line cell. */
export const dateAndTime = (iso: string): [string, string] => {
  const value = new Date(iso);
  return [dateOnly.format(value), timeOnly.format(value)];
};

export const statusLabels: Readonly<Record<SisRunStatus, string>> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
};

export const outcomeLabels: Readonly<Record<SisRunOutcome, string>> = {
  CREATED: 'Created',
  UPDATED: 'Updated',
  UNCHANGED: 'Unchanged',
  REJECTED: 'Rejected',
  DEACTIVATED: 'Deactivated',
};

/** A run still loading its file: its page follows it. */
export const isActive = (status: SisRunStatus): boolean => status === 'QUEUED' || status === 'RUNNING';

/** "12.3 KB": a file's size. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
