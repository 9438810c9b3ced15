import { RE2JS } from 're2js';

// Institutions write their own validation patterns. They run in RE2, whose matching time grows linearly
// with the input, so no pattern (`^(a+)+$`, say) can hold the server up with backtracking.

const MAX_CACHED = 1_000;
const compiled = new Map<string, RE2JS | null>();

/** The pattern compiled for RE2, or null when RE2 cannot run it (backreferences, lookaround, bad syntax). */
export function linearPattern(source: string): RE2JS | null {
  if (compiled.has(source)) return compiled.get(source) ?? null;
  let pattern: RE2JS | null;
  try {
    pattern = RE2JS.compile(source);
  } catch {
    pattern = null;
  }
  if (compiled.size >= MAX_CACHED) compiled.clear();
  compiled.set(source, pattern);
  return pattern;
}

/** Whether `value` contains a match of `source`, as `RegExp.test` answers; a pattern RE2 cannot run matches nothing. */
export function matchesLinearPattern(source: string, value: string): boolean {
  return linearPattern(source)?.matcher(value).find() ?? false;
}
