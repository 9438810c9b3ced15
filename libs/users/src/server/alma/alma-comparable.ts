type Json = Record<string, unknown>;

const FLAGS = new Set(['preferred', 'preferred_sms', 'force_password_change']);
const SEGMENT_LISTS = new Set(['address', 'email', 'phone', 'user_identifier']);

/**
 * What Alma itself treats as equal, for tests comparing our documents with the samples: "" and null for empty
 * text or codes, a missing or empty list and none, a null flag and false, no segment_type and Internal.
 * XML's "true"/"false" text reads as the flag it is.
 */
export function comparable(value: unknown, key = ''): unknown {
  if (value === 'true' || value === 'false') return value === 'true';
  if (FLAGS.has(key) && (value === null || value === '')) return false;
  if (value === '' || value === undefined) return null;
  if (Array.isArray(value)) {
    const items = SEGMENT_LISTS.has(key) ? value.map((item: Json) => ({ segment_type: 'Internal', ...item })) : value;
    return items.map((item) => comparable(item));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, comparable(v, k)] as const)
      .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0));
    return entries.length > 0 ? Object.fromEntries(entries) : null;
  }
  return value;
}
