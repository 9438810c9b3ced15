import { describe, expect, it } from 'vitest';
import {
  forbiddenCharacterErrors,
  forbiddenCharacterProblem,
  replaceForbiddenCharacters,
} from './forbidden-characters.js';
import { MAX_INPUT_DEPTH, nestedDeeperThan } from './input-depth.js';

/** Objects (or lists) nested `depth` levels around a leaf, built without recursion. */
function nested(depth: number, leaf: unknown, list = false): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = list ? [value] : { a: value };
  return value;
}

describe('characters XML 1.0 cannot carry', () => {
  it('names the first one: C0 controls and NUL, U+FFFE/U+FFFF, unpaired surrogates', () => {
    expect(forbiddenCharacterProblem('Love\u0001lace')).toBe(
      'contains a control character (U+0001) that is not allowed',
    );
    expect(forbiddenCharacterProblem('a\u0000b\u001F')).toBe(
      'contains a control character (U+0000) that is not allowed',
    );
    expect(forbiddenCharacterProblem('x\uFFFE')).toBe('contains a noncharacter (U+FFFE) that is not allowed');
    expect(forbiddenCharacterProblem('x\uFFFF')).toBe('contains a noncharacter (U+FFFF) that is not allowed');
    expect(forbiddenCharacterProblem('x\uD800y')).toBe('contains an unpaired surrogate (U+D800) that is not allowed');
    expect(forbiddenCharacterProblem('x\uDC00')).toBe('contains an unpaired surrogate (U+DC00) that is not allowed');
  });

  it('lets tab, LF, CR, C1 controls, DEL, astral characters (surrogate pairs) and U+FFFD through', () => {
    for (const text of [
      'a\tb\nc\rd',
      '\u007F\u0085\u009F',
      'emoji \u{1F600} and \u{10FFFF}',
      '\uFFFD\uFFFC',
      'Ærøskøbing',
    ]) {
      expect(forbiddenCharacterProblem(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('replaces each with U+FFFD, keeping pairs and allowed whitespace', () => {
    expect(replaceForbiddenCharacters('a\u0001b\u0000\tc\uD800\u{1F600}\uFFFF')).toBe(
      'a\uFFFDb\uFFFD\tc\uFFFD\u{1F600}\uFFFD',
    );
    const clean = 'nothing to do';
    expect(replaceForbiddenCharacters(clean)).toBe(clean);
  });

  it('walks objects, lists, maps and sets, with the path in the REST or the tRPC style', () => {
    const input = {
      last_name: 'x\u0001',
      contact_info: {
        email: [{ email_address: 'ok@example.org' }, { email_address: 'b\u0002@example.org' }],
      },
      when: new Date(0),
      count: 3,
      tags: new Set(['fine', '\u0003']),
      extra: new Map([['note', '\u0004']]),
    };
    expect(forbiddenCharacterErrors(input, 'brackets')).toEqual([
      {
        field: 'last_name',
        message: 'contains a control character (U+0001) that is not allowed',
      },
      {
        field: 'contact_info.email[1].email_address',
        message: 'contains a control character (U+0002) that is not allowed',
      },
      {
        field: 'tags[1]',
        message: 'contains a control character (U+0003) that is not allowed',
      },
      {
        field: 'extra.note',
        message: 'contains a control character (U+0004) that is not allowed',
      },
    ]);
    expect(forbiddenCharacterErrors(input, 'dots').map((e) => e.field)).toEqual([
      'last_name',
      'contact_info.email.1.email_address',
      'tags.1',
      'extra.note',
    ]);
    expect(forbiddenCharacterErrors(['\u0005'], 'brackets', 'q')).toEqual([
      { field: 'q[0]', message: expect.stringContaining('U+0005') },
    ]);
    expect(forbiddenCharacterErrors('\u0006', 'dots')).toEqual([
      { field: '', message: expect.stringContaining('U+0006') },
    ]);
  });

  it('walks records of any prototype without a constructor (as Fastify parses a query string), not class instances', () => {
    const query = Object.create(Object.create(null) as object) as Record<string, unknown>;
    query['q'] = '\u0001';
    expect(forbiddenCharacterErrors(query, 'brackets')).toEqual([
      { field: 'q', message: expect.stringContaining('U+0001') },
    ]);
    expect(
      forbiddenCharacterErrors(Object.assign(Object.create(null) as object, { q: '\u0001' }), 'brackets'),
    ).toHaveLength(1);
    class Money {
      readonly text = '\u0001';
    }
    expect(forbiddenCharacterErrors({ amount: new Money() }, 'dots')).toEqual([]);
    expect(forbiddenCharacterErrors({ constructor: '\u0001' }, 'dots')).toEqual([
      { field: 'constructor', message: expect.stringContaining('U+0001') },
    ]);
  });

  it('refuses a field name holding one, under its parent path', () => {
    expect(forbiddenCharacterErrors({ user: { 'na\u0007me': 'x' } }, 'brackets')).toEqual([
      {
        field: 'user',
        message: 'a field name contains a control character (U+0007) that is not allowed',
      },
    ]);
  });

  it('stops at cycles and after 100 fields', () => {
    const cyclic: Record<string, unknown> = { name: '\u0001' };
    cyclic['self'] = cyclic;
    expect(forbiddenCharacterErrors(cyclic, 'dots')).toHaveLength(1);
    expect(
      forbiddenCharacterErrors(
        Array.from({ length: 500 }, () => '\u0001'),
        'dots',
      ),
    ).toHaveLength(100);
    expect(forbiddenCharacterErrors({ a: undefined, b: null, c: 1, d: true, e: 'clean' }, 'dots')).toEqual([]);
  });

  it('refuses input nested deeper than the limit by the path where it goes too deep, at any depth without exhausting the stack', () => {
    expect(forbiddenCharacterErrors(nested(MAX_INPUT_DEPTH, 'x'), 'dots')).toEqual([]);
    const tooDeep = forbiddenCharacterErrors({ user: nested(MAX_INPUT_DEPTH, 'x') }, 'brackets');
    expect(tooDeep).toEqual([
      {
        field: `user${'.a'.repeat(MAX_INPUT_DEPTH - 1)}`,
        message: `is nested more than ${MAX_INPUT_DEPTH} levels deep`,
      },
    ]);
    for (const list of [false, true]) {
      expect(forbiddenCharacterErrors(nested(100_000, 'x', list), 'dots')).toHaveLength(1);
    }
  });

  it('tells whether a value nests deeper than a limit, without recursion', () => {
    expect(nestedDeeperThan(nested(3, 1), 3)).toBe(false);
    expect(nestedDeeperThan(nested(4, 1), 3)).toBe(true);
    expect(nestedDeeperThan(nested(4, 1, true), 3)).toBe(true);
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan(nested(100_000, null, true))).toBe(true);
    expect(nestedDeeperThan({ a: [1, { b: 2 }], c: 'x' })).toBe(false);
  });
});
