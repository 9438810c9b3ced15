import type { FieldError } from '../contracts/field-error.js';
import { MAX_INPUT_DEPTH, TOO_DEEP } from './input-depth.js';

/**
 * Characters XML 1.0 cannot carry (its `Char` production): C0 controls other than tab, LF and CR (NUL
 * included), the noncharacters U+FFFE and U+FFFF, and UTF-16 surrogates that are not part of a pair
 * (with the `u` flag a well-formed pair is one astral code point and does not match).
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;
const FORBIDDEN_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
/* eslint-enable no-control-regex */

/** Stop collecting after this many fields: enough to fix a request, bounded for a hostile one. */
const MAX_ERRORS = 100;

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `text` cannot be stored (its first forbidden character, named), or undefined when it can. */
export function forbiddenCharacterProblem(text: string): string | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const codePoint = match[0].charCodeAt(0);
  const kind =
    codePoint <= 0x1f
      ? 'a control character'
      : codePoint >= 0xd800 && codePoint <= 0xdfff
        ? 'an unpaired surrogate'
        : 'a noncharacter';
  return `contains ${kind} (${hex(codePoint)}) that is not allowed`;
}

/** `text` with each character XML 1.0 cannot carry replaced by U+FFFD, for writing legacy data out. */
export function replaceForbiddenCharacters(text: string): string {
  return FORBIDDEN.test(text) ? text.replace(FORBIDDEN_ALL, '\uFFFD') : text;
}

/** How a path of keys and list positions is written in an error: `a.b[0].c` (REST) or `a.b.0.c` (tRPC, as zod). */
export type PathStyle = 'brackets' | 'dots';

function join(path: string, key: string | number, style: PathStyle): string {
  if (typeof key === 'number') return style === 'brackets' ? `${path}[${key}]` : path ? `${path}.${key}` : String(key);
  return path ? `${path}.${key}` : key;
}

/**
 * A record of fields rather than an instance of a class: no prototype, Object's, or (as Fastify's parsed query
 * string) prototypes that belong to no constructor.
 */
function isPlainObject(value: object): value is Record<string, unknown> {
  for (
    let prototype = Object.getPrototypeOf(value) as object | null;
    prototype !== null;
    prototype = Object.getPrototypeOf(prototype) as object | null
  ) {
    if (prototype === Object.prototype) return true;
    if (Object.prototype.hasOwnProperty.call(prototype, 'constructor')) return false;
  }
  return true;
}

/**
 * Every string of an input (values and field names, at any depth) holding a character XML 1.0 cannot
 * carry, as field errors whose field is the path the client wrote (`prefix` first, when given). Walks
 * plain objects, arrays, Maps and Sets; other objects (dates, decimals, buffers, streams) are not text.
 * An object or list nested deeper than `MAX_INPUT_DEPTH` is an error too, and is not walked further.
 */
export function forbiddenCharacterErrors(input: unknown, style: PathStyle, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown, path: string, depth: number): void => {
    if (errors.length >= MAX_ERRORS) return;
    if (typeof value === 'string') {
      const problem = forbiddenCharacterProblem(value);
      if (problem) errors.push({ field: path, message: problem });
      return;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    if (depth >= MAX_INPUT_DEPTH) {
      errors.push({ field: path, message: TOO_DEEP });
      return;
    }
    seen.add(value);
    const inner = depth + 1;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, join(path, index, style), inner));
    } else if (value instanceof Map) {
      for (const [key, item] of value) visitEntry(key, item, path, inner);
    } else if (value instanceof Set) {
      let index = 0;
      for (const item of value) visit(item, join(path, index++, style), inner);
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) visitEntry(key, value[key], path, inner);
    }
    seen.delete(value);
  };
  const visitEntry = (key: unknown, value: unknown, path: string, depth: number): void => {
    if (typeof key === 'string') {
      const problem = forbiddenCharacterProblem(key);
      if (problem) {
        if (errors.length < MAX_ERRORS) errors.push({ field: path, message: `a field name ${problem}` });
        return;
      }
      visit(value, join(path, key, style), depth);
    } else {
      visit(value, path, depth);
    }
  };
  visit(input, prefix, 0);
  return errors;
}
