import {
  describeProcedureGuards,
  jobServices,
  permissionsOfRoles,
  tenancyServices,
  toXml,
  transformer,
  type XmlShape,
} from '@ulms/platform';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { appRouter } from '../app-router.js';
import { installedPlugins } from '../installed-plugins.js';
import { FILES_PREFIX, REST_PREFIX } from './build-server.js';
import { ADMIN_ROLES, startTestServer, type TestServer } from './test-server.js';

/*
 * Bad input is a 400 (or another 4xx), never a 5xx: every tRPC procedure of the app router and every REST
 * route the installed plugins contribute, listed from the router and the contributions so that new ones are
 * covered, gets generated input over real HTTP, signed in as an administrator (tRPC) and with a USER_MANAGER
 * key (REST). Inputs follow each input schema's shape (so they pass the outer checks and reach the services
 * and the database) with hostile leaves: control characters, lone surrogates, invisible characters, very long
 * text, impossible dates such as year 0000, NaN-ish and huge numbers, unknown fields and nesting.
 */

// Fixed, so that a run is repeatable; FUZZ_SEED and FUZZ_RUNS (a multiplier) explore further by hand. A failure
// is reported as generated, not shrunk (each step of shrinking is a request): TEST_SERVER_LOG_LEVEL=error shows
// the server's side of it.
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_511);
const SCALE = Number(process.env['FUZZ_RUNS'] ?? 1);
const RUNS = 12 * SCALE;
const RUNS_FOR_RECORDS = 40 * SCALE;

// ---- generated values -------------------------------------------------------------------------------------

const char = (codePoint: number) => String.fromCodePoint(codePoint);
/** Characters a request may carry, the troublesome ones often: invisible, fullwidth, astral, quoting and LIKE characters. */
const allowedUnit = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map(char) },
  { weight: 2, arbitrary: fc.integer({ min: 0xa0, max: 0xd7ff }).map(char) },
  { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xfffd }).map(char) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map(char),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\u200B',
      '\u200C',
      '\u200D',
      '\u00AD',
      '\uFEFF',
      '\u202E',
      '\u2066',
      '\u200E',
      '\uFF21',
      '\u3000',
      '\u00A0',
      '\u0301',
      '\uFDFA',
      '\u2126',
      '\u0130',
      '\u00DF',
      '%',
      '\\',
      "'",
      '"',
      '<',
      '>',
      '&',
      '_',
      '*',
      '~',
      '?',
      '/',
      '#',
      ' AND ',
      ' ',
      '\n',
      '\t',
      '\r',
      '\u0085',
      '\u007F',
    ),
  },
);
/** And those XML 1.0 cannot carry, which the input screen refuses. */
const forbiddenUnit = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map(char),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\uFFFE', '\uFFFF'),
);
const datelike = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 10_000 })),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.constantFrom('', '', 'Z', 'T00:00:00Z', '+01:00'),
  )
  .map(
    ([year, month, day, tail]) =>
      `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}${tail}`,
  );
const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: allowedUnit, maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.oneof({ weight: 8, arbitrary: allowedUnit }, { weight: 1, arbitrary: forbiddenUnit }),
      minLength: 1,
      maxLength: 20,
    }),
  },
  { weight: 2, arbitrary: datelike },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'NaN',
      'Infinity',
      '-Infinity',
      '-0',
      '1e309',
      '-1',
      '0x1F',
      '9'.repeat(400),
      'null',
      'true',
      '__proto__',
      'constructor',
      'toString',
      '0000-01-01',
      '0000-01-01Z',
      '-000001-01-01',
      '+275760-09-13',
      '2024-02-30',
      '9999-12-31',
      '0001-01-01',
      '1979-01-11Z',
      '1979-01-11T25:00:00Z',
      'x'.repeat(256),
      'x'.repeat(70_000),
      'ABC\u200B',
      '\uFF21\uFF22\uFF23',
      '\u200B',
      '\u00AD',
      'a\u0000b',
      'a\uD800b',
      '\uDC00',
      'x'.repeat(255),
      'é'.repeat(255),
      '\u{1F600}'.repeat(200),
      '\'; DROP TABLE "User"; --',
      '%_%',
      '\\',
      '${x}',
      '<a>&amp;</a>',
      ']]>',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: allowedUnit,
      minLength: 300,
      maxLength: 3000,
    }),
  },
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, -1, 0.5, 2 ** 53 + 2, 1e308, -1e308, 2 ** 31, 1e21),
);
const hostileDate = fc.date({ noInvalidDate: false });

/** Nesting `depth` levels of objects or arrays around a leaf. */
const nested = (depth: number, leaf: unknown, arrays: boolean): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = arrays ? [value] : { a: value };
  return value;
};
const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: hostileDate },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, true, false, undefined, {}, [], [null]),
  },
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileLeaf },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 300 }), hostileLeaf, fc.boolean())
      .map(([depth, leaf, arrays]) => nested(depth, leaf, arrays)),
  },
  {
    weight: 1,
    arbitrary: fc.dictionary(hostileString, hostileLeaf, { maxKeys: 4 }),
  },
  { weight: 1, arbitrary: fc.array(hostileLeaf, { maxLength: 6 }) },
);

/** Values the test data holds, so that generated input often names real rows, identifiers and codes. */
interface Known {
  uuids: string[];
  strings: string[];
  institutionCode: string;
}

/**
 * Plausible values by field name (tRPC's camelCase and the REST document's snake_case): the codes the test
 * institution has, so that generated records pass the outer rules and their one hostile value reaches the
 * services and the database. A field not named here gets short text, a known identifier or a date.
 */
const PLAUSIBLE: Readonly<Record<string, readonly unknown[]>> = (() => {
  const both = (names: string[], values: unknown[]) => names.map((name) => [name, values] as const);
  return Object.fromEntries([
    ...both(['userGroup', 'user_group'], ['FUZZ_GROUP']),
    ...both(['userTitle', 'user_title'], ['FUZZ_TITLE']),
    ...both(['jobCategory', 'job_category'], ['FUZZ_JOB']),
    ...both(['campusCode', 'campus_code'], ['FUZZ_CAMPUS']),
    ...both(['gender'], ['MALE', 'FEMALE']),
    ...both(['externalId', 'external_id'], [null]),
    ...both(['generatePin', 'mfaEnabled'], [false]),
    ...both(['idType', 'id_type'], ['BARCODE']),
    ...both(['user_id_type'], ['all_unique', 'primary_id', 'BARCODE']),
    ...both(['recordType', 'record_type'], ['PUBLIC', 'STAFF']),
    ...both(['accountType', 'account_type'], ['INTERNAL']),
    ...both(['emailTypes', 'email_type'], ['personal', 'work']),
    ...both(['addressTypes', 'address_type'], ['home', 'work']),
    ...both(['phoneTypes', 'phone_type'], ['home', 'mobile']),
    ...both(['emailAddress', 'email_address'], ['fuzz@example.org']),
    ...both(['phoneNumber', 'phone_number'], ['+47 22 33 44 55']),
    ...both(['scope', 'ownerLibrary', 'rsLibraries', 'purchaseRequestLibraries', 'code'], ['MAIN']),
    ...both(['categoryType', 'category_type'], ['FUZZ_TYPE']),
    ...both(['category'], ['FUZZ_CAT']),
    ...both(['username'], ['admin']),
    ...both(['password', 'currentPassword', 'newPassword'], ['not the password at all']),
    ...both(['fileName', 'file_name'], ['a.txt']),
    ...both(['contentBase64', 'content'], [Buffer.from('hello').toString('base64')]),
    ...both(['webSiteUrl', 'web_site_url'], ['https://example.org']),
    ...both(['pinNumber', 'pin_number'], ['1234']),
    ...both(['preferredLanguage', 'preferred_language', 'defaultLanguage'], ['en']),
    ...both(['timeZone'], ['Europe/Oslo']),
    ...both(['defaultCurrency'], ['NOK']),
    ...both(['segmentType', 'segment_type'], ['INTERNAL', 'External']),
    ...both(['status'], ['ACTIVE']),
    ...both(['q'], ['last_name~User', 'primary_id~fuzz-0', 'birth_date~1990-01-01', 'ALL~fuzz']),
    ...both(['order_by'], ['last_name', 'primary_id']),
    ...both(['view'], ['brief', 'full']),
    ...both(['format'], ['json', 'xml']),
    ...both(['moduleId'], ['no-such-module']),
    ...both(['permissions'], ['users.user.read']),
    ...both(['query'], ['Fuzz', 'fuzz-0', 'bc-0']),
  ]);
})();
const isDateField = (name: string) => /(Date|_date)$/.test(name);

/** A valid date as YYYY-MM-DD, for the fields that hold one. */
const plausibleDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const hostileDateText = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(0, 0, 1, 1582, 9999), plausibleDate)
      .map(([year, date]) => `${String(year).padStart(4, '0')}${date.slice(4)}`),
  },
  { weight: 1, arbitrary: datelike },
  {
    weight: 1,
    arbitrary: fc.constantFrom('-000001-01-01', '+275760-09-13', '10000-01-01', '2023-02-29', '1979-1-1', ''),
  },
  { weight: 1, arbitrary: hostileString },
);

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
  format?: string;
  checks?: {
    _zod: { def: { check: string; format?: string; pattern?: RegExp } };
  }[];
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const OPTIONAL = ['optional', 'default', 'prefault', 'nullable', 'catch'];
const minimumOf = (def: Def) =>
  Math.max(
    0,
    ...(def.checks ?? []).map((c) =>
      c._zod.def.check === 'min_length' ? ((c._zod.def as { minimum?: number }).minimum ?? 0) : 0,
    ),
  );

/** A place in a generated input: its plausible value, and the hostile one it gets when chosen. */
class Leaf {
  constructor(
    readonly ok: unknown,
    readonly bad: unknown,
  ) {}
}
const OMIT = Symbol('omit');
const leaf = (plausible: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>) =>
  fc.tuple(plausible, hostile).map(([ok, bad]) => new Leaf(ok, bad));

const leavesOf = (tree: unknown): number =>
  tree instanceof Leaf
    ? 1 + leavesOf(tree.ok)
    : Array.isArray(tree)
      ? tree.reduce((n: number, item) => n + leavesOf(item), 0)
      : tree && typeof tree === 'object' && !(tree instanceof Date)
        ? Object.values(tree).reduce((n: number, item) => n + leavesOf(item), 0)
        : 0;

/** The input with the chosen leaves (by their order in a depth-first walk) hostile and the others plausible. */
function materialise(tree: unknown, chosen: ReadonlySet<number>): unknown {
  let index = 0;
  const walk = (node: unknown): unknown => {
    if (node instanceof Leaf) {
      const at = index++;
      if (chosen.has(at)) {
        index += leavesOf(node.ok);
        return node.bad;
      }
      return walk(node.ok);
    }
    if (Array.isArray(node)) return node.map(walk).filter((item) => item !== OMIT);
    if (node && typeof node === 'object' && !(node instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) {
        const v = walk(value);
        if (v !== OMIT)
          Object.defineProperty(out, key, {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      return out;
    }
    return node;
  };
  return walk(tree);
}

/**
 * Input shaped by `schema`, plausible but for one place (sometimes none, sometimes two or three) where it is
 * hostile for what the place holds; and now and then hostile as a whole.
 */
function inputFor(schema: z.ZodType | undefined, known: Known): fc.Arbitrary<unknown> {
  if (!schema) return hostileValue;
  const mutated = fc
    .tuple(shapedFor(schema, known, '', 0), fc.array(fc.nat(), { minLength: 0, maxLength: 3 }), fc.nat())
    .map(([tree, picks, one]) => {
      const count = leavesOf(tree);
      const chosen = new Set(count === 0 ? [] : (picks.length > 0 ? picks : [one]).map((p) => p % count));
      return materialise(tree, chosen);
    });
  return fc.oneof({ weight: 20, arbitrary: mutated }, { weight: 1, arbitrary: hostileValue });
}

function shapedFor(schema: z.ZodType, known: Known, name: string, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: z.ZodType | undefined, as = name): fc.Arbitrary<unknown> =>
    s && depth < 8 ? shapedFor(s, known, as, depth + 1) : leaf(fc.constant(OMIT), hostileValue);
  const named = PLAUSIBLE[name] ?? (name === 'institution' ? [known.institutionCode] : undefined);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      // A code's {"value": …} takes its plausible values from the field it is the value of.
      const nameOf = (key: string) => (key === 'value' || key === 'desc' ? name : key);
      const record = fc
        .tuple(
          fc.record(Object.fromEntries(keys.map((k) => [k, inner(shape[k], nameOf(k))])), {
            requiredKeys: keys.filter((k) => !OPTIONAL.includes(defOf(shape[k] as z.ZodType).type)),
          }),
          fc.tuple(hostileString, leaf(fc.constant(OMIT), hostileValue)),
        )
        // A field the schema does not have, sent only when its leaf is the one chosen.
        .map(([fields, [key, extra]]) => ({ ...fields, [key]: extra }));
      return leaf(record, hostileValue);
    }
    case 'optional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.oneof({ weight: 3, arbitrary: inner(def.innerType) }, { weight: 1, arbitrary: fc.constant(OMIT) });
    case 'nullable':
      return fc.oneof({ weight: 4, arbitrary: inner(def.innerType) }, { weight: 1, arbitrary: fc.constant(null) });
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return inner(def.getter?.());
    case 'array':
      return leaf(
        fc.array(inner(def.element), {
          minLength: minimumOf(def),
          maxLength: Math.max(3, minimumOf(def)),
        }),
        hostileValue,
      );
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((item) => inner(item)));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => inner(option)));
    case 'intersection':
      return fc
        .tuple(inner(def.left), inner(def.right))
        .map(([a, b]) => (typeof a === 'object' && typeof b === 'object' ? { ...a, ...b } : a));
    case 'record':
      return fc.dictionary(
        fc.oneof(fc.constantFrom('firstName', 'userGroup', 'x'), hostileString),
        inner(def.valueType, ''),
        { maxKeys: 3 },
      );
    case 'enum':
      return leaf(fc.constantFrom(...Object.values(def.entries ?? { x: 'x' })), hostileString);
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'boolean':
      return leaf(fc.boolean(), hostileLeaf);
    case 'number':
    case 'int':
    case 'bigint':
      return leaf(named ? fc.constantFrom(...named) : fc.integer({ min: 0, max: 50 }), hostileNumber);
    case 'date':
      return leaf(fc.date({ noInvalidDate: true }), hostileDate);
    case 'string': {
      const formats = [def.format, ...(def.checks ?? []).map((c) => c._zod.def.format)];
      if (formats.includes('uuid') || formats.includes('guid'))
        return leaf(
          fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known.uuids) }, { weight: 1, arbitrary: fc.uuid() }),
          hostileString,
        );
      const datePattern = (def.checks ?? []).some((c) => String(c._zod.def.pattern).includes('\\d{4}-'));
      if (datePattern || isDateField(name))
        return leaf(
          plausibleDate.map((d) => (name.includes('_') ? `${d}Z` : d)),
          hostileDateText,
        );
      if (named) return leaf(fc.constantFrom(...named), hostileString);
      return leaf(
        fc.oneof(
          { weight: 1, arbitrary: fc.constantFrom(...known.strings) },
          {
            weight: 3,
            arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,11}$/),
          },
        ),
        hostileString,
      );
    }
    default:
      return hostileValue;
  }
}

// ---- sending it -------------------------------------------------------------------------------------------

/** Percent-encodes any JavaScript string, lone surrogates included (as their WTF-8 bytes), as a client may. */
function percentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    let codePoint = unit;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      i += 1;
    }
    const ch = String.fromCodePoint(codePoint);
    if (/^[A-Za-z0-9\-_.~]$/.test(ch)) {
      out += ch;
      continue;
    }
    const bytes =
      codePoint < 0x80
        ? [codePoint]
        : codePoint < 0x800
          ? [0xc0 | (codePoint >> 6), 0x80 | (codePoint & 63)]
          : codePoint < 0x10000
            ? [0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 63), 0x80 | (codePoint & 63)]
            : [
                0xf0 | (codePoint >> 18),
                0x80 | ((codePoint >> 12) & 63),
                0x80 | ((codePoint >> 6) & 63),
                0x80 | (codePoint & 63),
              ];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

const asQueryValue = (value: unknown): string =>
  typeof value === 'string' ? value : value instanceof Date ? String(value) : (JSON.stringify(value) ?? '');

/** The superjson envelope the admin app sends; for what superjson itself refuses to write (a `__proto__` key), plain JSON. */
function serialized(input: unknown): string {
  try {
    return JSON.stringify(transformer.serialize(input));
  } catch {
    return `{"json":${JSON.stringify(input) ?? 'null'}}`;
  }
}

/** The body as an XML document, as the REST kit writes one; a field name no element can have (`constructor`) as it is. */
function xmlOf(body: unknown, shape: XmlShape | undefined): string {
  try {
    return toXml(
      'user',
      body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : { value: body },
      shape,
    );
  } catch {
    return `<user><constructor>x</constructor><__proto__><a>1</a></__proto__><user_note>${JSON.stringify(body) ?? ''}</user_note></user>`;
  }
}

interface Outcome {
  status: number;
  body: string;
}

// ---- the targets, from the router and the contributions ----------------------------------------------------

const procedures = describeProcedureGuards(appRouter);
const procedureDefs = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;
// Signing in fails on purpose here, and failed sign-ins from one address are throttled: these go last.
const LAST = ['auth.verifyMfa', 'auth.signIn'];
const trpcTargets = [
  ...procedures.filter((p) => !LAST.includes(p.path)),
  ...LAST.map((path) => procedures.find((p) => p.path === path)).filter((p) => p !== undefined),
].map((p) => ({
  path: p.path,
  type: p.type,
  input: procedureDefs[p.path]?._def.inputs[0],
  runs: /users\.(create|update|bulkEdit)$/.test(p.path) ? RUNS_FOR_RECORDS : RUNS,
}));
const restTargets = installedPlugins.flatMap((plugin) =>
  'http' in plugin && plugin.http
    ? plugin.http.routes.map((route) => ({
        operationId: route.operationId,
        route,
        xmlShape: plugin.http?.xmlShape,
        runs: route.body ? RUNS_FOR_RECORDS : RUNS,
      }))
    : [],
);

const fileTargets = installedPlugins.flatMap((plugin) =>
  'files' in plugin && plugin.files
    ? plugin.files.routes.map((route) => ({
        name: `${route.method} ${route.path}`,
        route,
      }))
    : [],
);

/** A stable seed per target, so that adding a target does not change what the others get. */
const seedOf = (name: string) => [...name].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) | 0, SEED);

describe('bad input is never a server error', () => {
  let server: TestServer;
  let known: Known;
  let cookie = '';
  let seededUserId = '';
  let seededPrimaryId = '';

  const trpc = async (path: string, type: string, input: unknown, raw?: string): Promise<Outcome> => {
    const payload = raw ?? serialized(input);
    const headers = { 'content-type': 'application/json', cookie };
    const response =
      type === 'query'
        ? await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(payload)}`, { headers })
        : await fetch(`${server.url}/trpc/${path}`, {
            method: 'POST',
            headers,
            body: payload,
          });
    return { status: response.status, body: await response.text() };
  };

  const rest = async (
    method: string,
    path: string,
    body?: string,
    contentType = 'application/json',
  ): Promise<Outcome> => {
    const response = await fetch(`${server.url}${REST_PREFIX}${path}`, {
      method,
      headers: {
        authorization: `apikey ${server.first.userManagerKey}`,
        ...(body === undefined ? {} : { 'content-type': contentType }),
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  };

  /** A user with a note, a statistic and an attachment, whose ids and identifiers join the known values. */
  const seedUser = async () => {
    const n = known.strings.length;
    const primaryId = `fuzz-${n}`;
    const created = await trpc('users.create', 'mutation', {
      recordType: 'PUBLIC',
      primaryId,
      firstName: 'Fuzz',
      lastName: `User ${n}`,
      userGroup: 'FUZZ_GROUP',
      identifiers: [{ idType: 'BARCODE', value: `bc-${n}` }],
    });
    const userId = (
      JSON.parse(created.body) as {
        result?: { data: { json: { user: { id: string } } } };
      }
    ).result?.data.json.user.id;
    if (!userId) throw new Error(`seeding a user failed: ${created.body}`);
    const idOf = (outcome: Outcome) =>
      (
        JSON.parse(outcome.body) as {
          result?: { data: { json: { id: string } } };
        }
      ).result?.data.json.id;
    const note = await trpc('users.notes.add', 'mutation', {
      userId,
      text: 'a note',
    });
    const attachment = await trpc('users.attachments.add', 'mutation', {
      userId,
      fileName: 'a.txt',
      contentBase64: Buffer.from('hello').toString('base64'),
    });
    seededUserId = userId;
    seededPrimaryId = primaryId;
    known.uuids.push(userId, ...[idOf(note), idOf(attachment)].filter((id): id is string => !!id));
    known.strings.push(primaryId, `bc-${n}`);
  };

  beforeAll(async () => {
    server = await startTestServer();
    cookie = await server.signIn(server.first.admin);
    known = {
      uuids: [server.first.institution.id],
      strings: ['Fuzz'],
      institutionCode: server.first.admin.institution,
    };
    // No field is mandatory, so that a record with one hostile value is refused for that value alone.
    const empty = { STAFF: [], PUBLIC: [], CONTACT: [] };
    await server.kernel.services.get(tenancyServices.modules).configure(server.first.institution.id, 'users', {
      registrationForm: empty,
    });
    await trpc('users.codeTables.save', 'mutation', {
      table: 'USER_GROUP',
      code: 'FUZZ_GROUP',
      description: 'Fuzz group',
    });
    await trpc('users.codeTables.save', 'mutation', {
      table: 'IDENTIFIER_TYPE',
      code: 'BARCODE',
      description: 'Barcode',
    });
    for (const [table, code] of [
      ['USER_TITLE', 'FUZZ_TITLE'],
      ['JOB_CATEGORY', 'FUZZ_JOB'],
      ['CAMPUS', 'FUZZ_CAMPUS'],
    ])
      await trpc('users.codeTables.save', 'mutation', {
        table,
        code,
        description: code,
      });
    await trpc('users.codeTables.save', 'mutation', {
      table: 'STATISTIC_CATEGORY_TYPE',
      code: 'FUZZ_TYPE',
      description: 'Fuzz type',
    });
    await trpc('users.codeTables.save', 'mutation', {
      table: 'STATISTIC_CATEGORY',
      code: 'FUZZ_CAT',
      description: 'Fuzz category',
    });
    await trpc('platform.libraries.create', 'mutation', {
      code: 'MAIN',
      name: 'Main',
    });
    await seedUser();
  });

  afterAll(async () => {
    // Jobs the generated calls started (bulk edits, purges) finish before the database closes.
    const jobs = server.kernel.services.get(jobServices.jobs);
    for (let i = 0; i < 100; i += 1) {
      const list = await jobs.list(server.first.institution.id);
      if (!list.some((j) => j.status === 'RUNNING' || j.status === 'QUEUED')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await server.close();
  });

  /** What the calls of the last target may have undone: the session (signed out), a module (switched off), the seeded user (deleted). */
  let lastTarget = '';
  const restore = async (target: string) => {
    if (lastTarget.startsWith('auth.')) cookie = await server.signIn(server.first.admin);
    lastTarget = target;
    const modules = server.kernel.services.get(tenancyServices.modules);
    for (const plugin of server.kernel.plugins)
      if (!plugin.core && !(await modules.isEnabled(server.first.institution.id, plugin.id)))
        await modules.enable(server.first.institution.id, plugin.id);
    if ((await trpc('users.get', 'query', { id: seededUserId })).status !== 200) await seedUser();
  };

  const fail = (what: string, outcome: Outcome) => `${what} answered ${outcome.status}: ${outcome.body.slice(0, 300)}`;

  it('calls every procedure and route as a caller holding every permission', () => {
    expect(trpcTargets.map((t) => t.path).sort()).toEqual(procedures.map((p) => p.path).sort());
    expect(restTargets.map((t) => t.operationId)).toContain('createUser');
    expect([...permissionsOfRoles(ADMIN_ROLES, server.kernel.permissions)].sort()).toEqual(
      [...server.kernel.permissions.keys()].sort(),
    );
  });

  describe('the cases that were server errors', () => {
    type TrpcError = {
      error: {
        json: {
          message: string;
          data: {
            code: string;
            fieldErrors: { field: string; message: string }[] | null;
          };
        };
      };
    };
    type RestError = {
      errorList: { error: { errorCode: string; errorMessage: string }[] };
    };
    const errorOf = (outcome: Outcome) => (JSON.parse(outcome.body) as TrpcError).error.json;
    const restErrorOf = (outcome: Outcome) => (JSON.parse(outcome.body) as RestError).errorList.error[0];
    const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const deepList = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

    it('refuses a NUL or a lone surrogate on the sign-in, naming the field', async () => {
      for (const [username, name] of [
        ['ad\u0000min', 'a control character (U+0000)'],
        ['ad\uD800min', 'an unpaired surrogate (U+D800)'],
      ] as const) {
        const outcome = await trpc('auth.signIn', 'mutation', {
          ...server.first.admin,
          username,
        });
        expect(outcome.status).toBe(400);
        expect(errorOf(outcome).data.fieldErrors).toEqual([
          {
            field: 'username',
            message: `contains ${name} that is not allowed`,
          },
        ]);
      }
    });

    it('refuses the year 0000 as a date, over tRPC and REST', async () => {
      const created = await trpc('users.create', 'mutation', {
        recordType: 'PUBLIC',
        primaryId: 'year-zero',
        lastName: 'Zero',
        birthDate: '0000-01-01',
      });
      expect(created.status).toBe(400);
      expect(errorOf(created).data.fieldErrors).toEqual([
        {
          field: 'birthDate',
          message: 'is not a real date (years 0001 to 9999)',
        },
      ]);
      const posted = await rest(
        'POST',
        '/users',
        JSON.stringify({
          record_type: { value: 'PUBLIC' },
          primary_id: 'year-zero',
          last_name: 'Zero',
          birth_date: '0000-01-01Z',
        }),
      );
      expect(posted.status).toBe(400);
      expect(restErrorOf(posted)?.errorMessage).toContain('birth_date');
      expect(
        (
          await trpc('users.search', 'query', {
            query: 'year-zero',
            searchBy: 'primaryId',
          })
        ).body,
      ).toContain('"total":0');
    });

    it('refuses codes named like the properties every object has (constructor, toString), over tRPC and REST', async () => {
      const created = await trpc('users.create', 'mutation', {
        recordType: 'PUBLIC',
        primaryId: 'proto-1',
        lastName: 'Proto',
        emails: [{ emailAddress: 'proto@example.org', emailTypes: ['constructor'] }],
        phones: [{ phoneNumber: '1234', phoneTypes: ['toString'] }],
      });
      expect(created.status).toBe(400);
      expect(errorOf(created).data.fieldErrors).toEqual([
        {
          field: 'emails.0.emailTypes.0',
          message: '"constructor" is not a known type',
        },
        {
          field: 'phones.0.phoneTypes.0',
          message: '"toString" is not a known type',
        },
      ]);
      const posted = await rest(
        'POST',
        '/users',
        JSON.stringify({
          record_type: { value: 'PUBLIC' },
          primary_id: 'proto-2',
          last_name: 'Proto',
          contact_info: {
            phone: [{ phone_number: '1234', phone_type: [{ value: 'constructor' }] }],
          },
          user_role: [{ role_type: { value: 'toString' } }],
        }),
      );
      expect(posted.status).toBe(400);
      expect(restErrorOf(posted)?.errorMessage).toContain('user_role[0].role_type: "toString" is not a role type');
      const seeded = await rest(
        'PUT',
        `/users/${seededPrimaryId}?override=constructor`,
        JSON.stringify({ record_type: { value: 'PUBLIC' } }),
      );
      expect(seeded.status).toBe(400);
      expect(restErrorOf(seeded)?.errorMessage).toContain('override: not protected fields: constructor');
    });

    it('refuses JSON nested 10,000 deep, over tRPC and REST', async () => {
      for (const raw of [
        `{"json":${deepObject(10_000)}}`,
        `{"json":{"recordType":"PUBLIC","identifiers":${deepList(10_000)}}}`,
      ]) {
        const outcome = await trpc('users.create', 'mutation', undefined, raw);
        expect(outcome.status).toBe(400);
        expect(errorOf(outcome).message).toBe('the input is nested more than 64 levels deep');
      }
      const shallower = await trpc(
        'users.create',
        'mutation',
        undefined,
        `{"json":{"recordType":"PUBLIC","identifiers":${deepList(100)}}}`,
      );
      expect(shallower.status).toBe(400);
      expect(errorOf(shallower).data.fieldErrors?.[0]).toEqual({
        field: `identifiers${'.0'.repeat(63)}`,
        message: 'is nested more than 64 levels deep',
      });
      const query = await trpc('users.search', 'query', undefined, `{"json":${deepObject(1_000)}}`);
      expect(query.status).toBe(400);

      for (const [body, type] of [
        [deepObject(10_000), 'application/json'],
        [`{"record_type":{"value":"PUBLIC"},"user_identifier":${deepList(10_000)}}`, 'application/json'],
        [
          `<user><record_type>PUBLIC</record_type>${'<a>'.repeat(10_000)}x${'</a>'.repeat(10_000)}</user>`,
          'application/xml',
        ],
      ] as const) {
        const outcome = await rest('POST', '/users', body, type);
        expect(outcome.status, outcome.body).toBe(400);
        expect(restErrorOf(outcome)?.errorCode).toBe('INVALID_REQUEST');
      }
    });
  });

  it.each(trpcTargets)('tRPC $path ($type)', async ({ path, type, input, runs }) => {
    if (!LAST.includes(path)) await restore(path);
    await fc.assert(
      fc.asyncProperty(inputFor(input, known), async (value) => {
        const outcome = await trpc(path, type, value);
        if (process.env['FUZZ_DEBUG'] === path) console.log(outcome.status, outcome.body.slice(0, 250));
        expect(outcome.status, fail(path, outcome)).toBeLessThan(500);
      }),
      { seed: seedOf(path), numRuns: runs, endOnFailure: true },
    );
    // Nesting far deeper than any input has, as the whole input and inside a field.
    const depth = type === 'query' ? 1_000 : 10_000;
    for (const raw of [
      `{"json":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
      `{"json":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      `{"json":{"id":${'['.repeat(depth)}${']'.repeat(depth)},"config":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`,
    ]) {
      const outcome = await trpc(path, type, undefined, raw);
      expect(outcome.status, fail(`${path} nested ${depth} deep`, outcome)).toBeLessThan(500);
    }
  });

  it.each(restTargets)('REST $route.method $route.path ($operationId)', async ({ route, xmlShape, runs }) => {
    await restore(route.operationId);
    const paramNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
    const params = fc.record(
      Object.fromEntries(
        paramNames.map((name) => [
          name,
          fc.oneof(
            {
              weight: 6,
              arbitrary: fc.constantFrom(...known.strings, ...known.uuids),
            },
            { weight: 1, arbitrary: hostileString },
          ),
        ]),
      ),
    );
    const pathOf = (values: Record<string, string>) =>
      route.path.replace(/\{(\w+)\}/g, (_, name: string) => percentEncode(values[name] ?? ''));
    const queryOf = (value: unknown) =>
      value && typeof value === 'object'
        ? Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `${percentEncode(k)}=${percentEncode(asQueryValue(v))}`)
            .join('&')
        : `q=${percentEncode(asQueryValue(value))}`;
    const bodyOf = fc.oneof(
      {
        weight: 6,
        arbitrary: inputFor(route.body, known).map((b) => ({
          text: JSON.stringify(b) ?? 'null',
          type: 'application/json',
        })),
      },
      {
        weight: route.body ? 2 : 0,
        arbitrary: inputFor(route.body, known).map((b) => ({
          text: xmlOf(b, xmlShape),
          type: 'application/xml',
        })),
      },
      {
        weight: 1,
        arbitrary: hostileString.map((text) => ({
          text,
          type: 'application/xml; charset=utf-8',
        })),
      },
    );
    await fc.assert(
      fc.asyncProperty(params, inputFor(route.query, known), bodyOf, async (values, query, body) => {
        const url = `${pathOf(values as Record<string, string>)}?${queryOf(query)}`;
        const outcome = await rest(
          route.method,
          url,
          route.method === 'GET' || route.method === 'DELETE' ? undefined : body.text,
          body.type,
        );
        expect(outcome.status, fail(`${route.method} ${url.slice(0, 200)}`, outcome)).toBeLessThan(500);
      }),
      { seed: seedOf(route.operationId), numRuns: runs, endOnFailure: true },
    );
    if (route.body) {
      const [first] = known.strings;
      const url = pathOf(Object.fromEntries(paramNames.map((name) => [name, first ?? 'x'])));
      for (const raw of [
        `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
        `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
        `{"record_type":{"value":"PUBLIC"},"user_note":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
        `<user>${'<a>'.repeat(10_000)}x${'</a>'.repeat(10_000)}</user>`,
      ]) {
        const outcome = await rest(
          route.method,
          url,
          raw,
          raw.startsWith('<') ? 'application/xml' : 'application/json',
        );
        expect(outcome.status, fail(`${route.method} ${url} nested 10,000 deep`, outcome)).toBeLessThan(500);
      }
    }
  });

  it.each(fileTargets)('file route $name', async ({ route, name }) => {
    await restore(name);
    const paramNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
    const params = fc.record(
      Object.fromEntries(
        paramNames.map((param) => [
          param,
          fc.oneof(
            {
              weight: 4,
              arbitrary: fc.constant(param === 'userId' ? seededUserId : ''),
            },
            { weight: 4, arbitrary: fc.constantFrom(...known.uuids) },
            { weight: 1, arbitrary: hostileString },
          ),
        ]),
      ),
    );
    const text = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('a.txt', 'scan.pdf', 'a note') },
      { weight: 1, arbitrary: hostileString },
    );
    const upload = fc.record({
      fields: fc.tuple(
        fc.record(Object.fromEntries((route.upload?.fields ?? []).map((field) => [field, text])), { requiredKeys: [] }),
        fc.option(fc.tuple(hostileString, text), { freq: 5 }),
      ),
      fileName: text,
      bytes: fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constant(new TextEncoder().encode('plain text'))),
    });
    await fc.assert(
      fc.asyncProperty(params, upload, async (values, { fields, fileName, bytes }) => {
        const url = route.path.replace(/\{(\w+)\}/g, (_, param: string) =>
          percentEncode((values as Record<string, string>)[param] ?? ''),
        );
        let body: FormData | undefined;
        if (route.method === 'POST') {
          body = new FormData();
          const [named, extra] = fields;
          for (const [key, value] of [...Object.entries(named), ...(extra ? [extra] : [])])
            body.append(key, value as string);
          body.append('file', new Blob([bytes]), fileName);
        }
        const response = await fetch(`${server.url}${FILES_PREFIX}${url}`, {
          method: route.method,
          headers: { authorization: `apikey ${server.first.userManagerKey}` },
          body,
        });
        const outcome = {
          status: response.status,
          body: await response.text(),
        };
        expect(outcome.status, fail(`${route.method} ${url.slice(0, 200)}`, outcome)).toBeLessThan(500);
      }),
      { seed: seedOf(name), numRuns: RUNS, endOnFailure: true },
    );
  });
});
