const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A moment in the browser's locale and zone. */
export function formatDateTime(value: Date): string {
  return dateTime.format(value);
}

/** A calendar date (YYYY-MM-DD) in the browser's locale; empty text for none. */
export function formatDate(value: string | null): string {
  if (!value) return '';
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : dateOnly.format(date);
}

/** Whether a calendar date lies before today. */
export function isPast(value: string | null): boolean {
  return value !== null && value < new Date().toISOString().slice(0, 10);
}
