/** The values of a pattern's `:name` segments, by name. */
export type PathParams = Readonly<Record<string, string>>;

/**
 * Matches a path against a route pattern such as `/users/:id`: segment by segment, a `:name` segment
 * taking any one non-empty segment. Null when it does not match.
 */
export function matchPath(pattern: string, path: string): PathParams | null {
  const wanted = pattern.split('/');
  const actual = path.split('/');
  if (wanted.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < wanted.length; i++) {
    const expected = wanted[i] ?? '';
    const segment = actual[i] ?? '';
    if (expected.startsWith(':')) {
      if (!segment) return null;
      try {
        params[expected.slice(1)] = decodeURIComponent(segment);
      } catch {
        return null;
      }
    } else if (expected !== segment) {
      return null;
    }
  }
  return params;
}

/** Whether a pattern has parameters; a static pattern wins over a parameterised one at the same path. */
export function isPattern(pattern: string): boolean {
  return pattern.split('/').some((segment) => segment.startsWith(':'));
}
