import { stringifySearchWith } from '@tanstack/react-router';

// Search values stay plain strings both ways (`?q=123&page=2`, not JSON-quoted or turned into numbers), so
// addresses read as staff typed them and old links keep working; route schemas coerce numbers where needed.

/** The router's `parseSearch`: every value the text it was in the address. */
export function parsePlainSearch(searchText: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(searchText));
}

/** The router's `stringifySearch`: strings as they are, numbers and booleans as text, objects as JSON. */
export const stringifyPlainSearch = stringifySearchWith(JSON.stringify);
