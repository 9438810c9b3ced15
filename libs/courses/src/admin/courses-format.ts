import type { CourseImportOutcome, CourseImportStatus, CourseStatus } from '@ulms/courses/contracts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dayOfMoment = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** An ISO moment in the browser's locale and zone; `fallback` when there is none. */
export const formatDateTime = (iso: string | null, fallback = '—'): string =>
  iso ? dateTime.format(new Date(iso)) : fallback;

/** The date and the time of a moment apart, for a list's two-line cell. */
export const dateAndTime = (iso: string): [string, string] => {
  const value = new Date(iso);
  return [dayOfMoment.format(value), timeOnly.format(value)];
};

/** A calendar date (YYYY-MM-DD) in the browser's locale, whatever its zone. */
export function formatDate(value: string): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : dateOnly.format(date);
}

export const courseStatusLabels: Readonly<Record<CourseStatus, string>> = { ACTIVE: 'Active', INACTIVE: 'Inactive' };

export const importStatusLabels: Readonly<Record<CourseImportStatus, string>> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
};

export const outcomeLabels: Readonly<Record<CourseImportOutcome, string>> = {
  ADDED: 'Added',
  REJECTED: 'Rejected',
  REMOVED: 'Removed',
};

/** An import still reading its file: its page follows it. */
export const isActive = (status: CourseImportStatus): boolean => status === 'QUEUED' || status === 'RUNNING';

/** "12.3 KB": a file's size. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** "3 enrolments", "1 enrolment". */
export const plural = (n: number, word: string): string => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/** A course's code and section as lists show them: `HIST101-02`, or the code alone without a section. */
export const codeOf = (course: { readonly code: string; readonly section: string }): string =>
  course.section ? `${course.code}-${course.section}` : course.code;
