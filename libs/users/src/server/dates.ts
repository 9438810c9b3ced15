/** A date-only column (stored at UTC midnight) as YYYY-MM-DD. */
export function toIsoDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** YYYY-MM-DD as the Date a date-only column stores. */
export function fromIsoDate(value: string | null | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00.000Z`) : null;
}

// Building a formatter costs far more than using one, and searches ask for today on every call.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's date in an institution's time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}
