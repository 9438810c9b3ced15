// Readers and writers for the value shapes of Alma's user JSON.

/** An Alma code-table value as JSON shows it. */
export interface AlmaCode {
  readonly value: string;
  readonly desc: string;
}

/** The object itself when `value` is a plain JSON object, else undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The array itself, a lone object as a one-item list (XML-converted JSON does that), else empty. */
export function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return asObject(value) ? [value] : [];
}

/** Text, with Alma's empty string and null both read as null. */
export function readText(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The code of a code-table field: `{value}`, `{value, desc}` or a bare string; empty is null. */
export function readCode(value: unknown): string | null {
  const object = asObject(value);
  return readText(object ? object['value'] : value);
}

/** A flag given as a boolean or "true"/"false"; null and "" are false, as Alma reads them. */
export function readFlag(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** "1979-01-11Z" (or with an offset, or bare) as YYYY-MM-DD; anything else is passed on for validation to refuse. */
export function readDate(value: unknown): string | null {
  const text = readText(value);
  if (!text) return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  return match?.[1] ?? text;
}

/** YYYY-MM-DD as Alma writes a date. */
export function writeDate(value: string | null): string | null {
  return value ? `${value}Z` : null;
}

/** A code as `{value, desc}`, the description defaulting to the code. */
export function writeCode(value: string, desc: string | undefined): AlmaCode {
  return { value, desc: desc ?? value };
}

/** Whether a value carries data: not null, not "", not an empty list or object, not an empty `{value, desc}`. */
export function carriesData(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(carriesData);
  const object = asObject(value);
  if (object) return Object.values(object).some(carriesData);
  return true;
}
