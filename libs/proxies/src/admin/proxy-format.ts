const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A moment in the browser's locale and zone. */
export const formatDateTime = (value: Date): string => dateTime.format(value);

/** A calendar date (YYYY-MM-DD) in the browser's locale. */
export function formatDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : dateOnly.format(date);
}

/** A party of a relation as lists and messages name it: the full name, else the primary identifier. */
export const nameOf = (party: { readonly fullName: string; readonly primaryId: string }): string =>
  party.fullName || party.primaryId;
