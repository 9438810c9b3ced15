const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date and time in the browser's locale and zone, or the given text when there is none. */
export function formatDateTime(value: Date | null, none = 'Never'): string {
  return value ? dateTime.format(value) : none;
}
