import { authServices, describeProcedureGuards, jobServices, transformer } from '@ulms/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { appRouter } from './app-router.js';
import { FILES_PREFIX, REST_PREFIX } from './http/build-server.js';
import { startTestServer, type TestServer, type TestServerInstitution } from './http/test-server.js';
import { installedPlugins } from './installed-plugins.js';

/*
 * Institution B's staff, holding every staff role, and B's USER_MANAGER key reach nothing of institution A:
 * every tRPC procedure that takes an id (any top-level uuid field of its input: `id`, `userId`, …) and every
 * REST route with a `{user_id}`, given A's ids, answers as if they did not exist (NOT_FOUND, or FORBIDDEN), and
 * nothing of A changes. Both lists come from the app router and the plugins' REST contributions, so a new
 * procedure or route is covered without being named here.
 */

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  format?: string;
  checks?: {
    _zod: {
      def: {
        check: string;
        format?: string;
        pattern?: RegExp;
        minimum?: number;
      };
    };
  }[];
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isUuid = (schema: z.ZodType): boolean => {
  const def = defOf(schema);
  if (['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type))
    return isUuid(def.innerType as z.ZodType);
  return def.type === 'string' && [def.format, ...(def.checks ?? []).map((c) => c._zod.def.format)].includes('uuid');
};

/** The smallest input `schema` takes: required fields only, uuids from `idFor`, the first of each choice. */
function minimalInput(schema: z.ZodType, idFor: (field: string) => string, field = ''): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {})
          // A field that takes no value (optional, defaulted, or optional inside a pipe) is left out, but for ids:
          // an optional id (a filter by user) is given A's, so that B's answer is about it.
          .filter(([, s]) => isUuid(s as z.ZodType) || !(s as z.ZodType).safeParse(undefined).success)
          .map(([key, s]) => [key, minimalInput(s, idFor, key)]),
      );
    case 'pipe':
      return minimalInput(def.in as z.ZodType, idFor, field);
    case 'optional':
      return minimalInput(def.innerType as z.ZodType, idFor, field);
    case 'union':
      return minimalInput((def.options ?? [])[0] as z.ZodType, idFor, field);
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'boolean':
      return false;
    case 'number':
      return 1;
    case 'array':
      return [];
    case 'record':
      return {};
    case 'string': {
      if (isUuid(schema)) return idFor(field);
      const pattern = (def.checks ?? []).find((c) => c._zod.def.pattern)?._zod.def.pattern;
      if (pattern && String(pattern).includes('\\d{4}-')) return '2030-01-01';
      return 'QQ';
    }
    default:
      return undefined;
  }
}

const procedureDefs = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;
/** Every procedure whose input names a row by a uuid, with those fields. */
const takingIds = describeProcedureGuards(appRouter).flatMap((p) => {
  const input = procedureDefs[p.path]?._def.inputs[0];
  const shape = input && defOf(input).type === 'object' ? (defOf(input).shape ?? {}) : {};
  const idFields = Object.keys(shape).filter((key) => isUuid(shape[key] as z.ZodType));
  return idFields.length > 0 && input ? [{ path: p.path, type: p.type, input, idFields }] : [];
});
const userRoutes = installedPlugins
  .flatMap((plugin) => ('http' in plugin && plugin.http ? plugin.http.routes : []))
  .filter((route) => route.path.includes('{user_id}'));

const fileRoutes = installedPlugins
  .flatMap((plugin) => ('files' in plugin && plugin.files ? plugin.files.routes : []))
  .filter((route) => route.path.includes('{userId}'));

describe('institution isolation', () => {
  let server: TestServer;
  let a: TestServerInstitution;
  let b: TestServerInstitution;
  const cookies = new Map<string, string>();
  /** A's rows by the router segment whose procedures take their ids (`users.notes.remove`'s `id` is a note's). */
  const idsOfA: Record<string, string> = {};
  let primaryIdOfA = '';

  const trpc = async (who: TestServerInstitution, path: string, type: string, input?: unknown) => {
    const payload = JSON.stringify(transformer.serialize(input));
    const headers = {
      'content-type': 'application/json',
      cookie: cookies.get(who.admin.institution) ?? '',
    };
    const response =
      type === 'query'
        ? await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(payload)}`, { headers })
        : await fetch(`${server.url}/trpc/${path}`, {
            method: 'POST',
            headers,
            body: payload,
          });
    const body = (await response.json()) as {
      result?: { data: unknown };
      error?: { json: { data: { code: string } } };
    };
    return {
      status: response.status,
      data: body.result
        ? transformer.deserialize(body.result.data as Parameters<typeof transformer.deserialize>[0])
        : undefined,
      code: body.error?.json.data.code,
    };
  };
  const ok = async (who: TestServerInstitution, path: string, type: string, input?: unknown) => {
    const outcome = await trpc(who, path, type, input);
    if (outcome.status !== 200) throw new Error(`${path} answered ${outcome.status} ${outcome.code ?? ''}`);
    return outcome.data as Record<string, unknown> & { id: string };
  };
  /** B's API key holding every permission, so that only the institution can stand in the way. */
  let everythingKeyOfB = '';
  const rest = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${REST_PREFIX}${path}`, {
      method,
      headers: {
        authorization: `apikey ${everythingKeyOfB}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text };
  };

  /** Everything of A that B could touch, as A sees it. */
  const snapshotOfA = async () => {
    const userId = idsOfA['users'] ?? '';
    const reads = await Promise.all([
      ok(a, 'users.get', 'query', { id: userId }),
      ok(a, 'users.notes.list', 'query', { userId }),
      ok(a, 'users.statistics.list', 'query', { userId }),
      ok(a, 'letters.outbox.list', 'query', {}),
      ok(a, 'users.attachments.list', 'query', { userId }),
      ok(a, 'users.history', 'query', { id: userId }),
      ok(a, 'users.search', 'query', {}),
      ok(a, 'auth.apiKeys.list', 'query'),
      ok(a, 'platform.jobs.list', 'query', {}),
      ok(a, 'platform.libraries.list', 'query'),
      ok(a, 'users.codeTables.list', 'query'),
      ok(a, 'fines.list', 'query', { userId }),
      ok(a, 'blocks.list', 'query', { userId }),
      ok(a, 'proxies.list', 'query', { userId }),
      ok(a, 'sis.profiles.list', 'query'),
      ok(a, 'sis.runs.list', 'query', {}),
      ok(a, 'sis.runs.entries', 'query', { runId: idsOfA['runs'] }),
      ok(a, 'courses.list', 'query', {}),
      ok(a, 'courses.enrolments.list', 'query', { userId }),
      ok(a, 'courses.imports.list', 'query', {}),
      ok(a, 'courses.imports.entries', 'query', { importId: idsOfA['imports'] }),
      ok(a, 'courses.mapping.get', 'query'),
    ]);
    // lastUsedAt moves whenever A's own key is used; that is not a change B made.
    return JSON.stringify(reads, (key, value: unknown) => (key === 'lastUsedAt' ? undefined : value));
  };
  let before = '';

  beforeAll(async () => {
    server = await startTestServer();
    a = server.first;
    b = await server.addInstitution();
    everythingKeyOfB = (
      await server.kernel.services
        .get(authServices.apiKeys)
        .create(b.institution.id, { name: 'everything', permissions: [...server.kernel.permissions.keys()] }, null)
    ).key;
    for (const who of [a, b]) cookies.set(who.admin.institution, await server.signIn(who.admin));

    await ok(a, 'platform.libraries.create', 'mutation', {
      code: 'A_LIB',
      name: 'A library',
    });
    for (const [table, code] of [
      ['USER_GROUP', 'A_GROUP'],
      ['IDENTIFIER_TYPE', 'BARCODE'],
      ['STATISTIC_CATEGORY_TYPE', 'A_TYPE'],
      ['STATISTIC_CATEGORY', 'A_CAT'],
    ] as const)
      await ok(a, 'users.codeTables.save', 'mutation', {
        table,
        code,
        description: code,
      });
    primaryIdOfA = 'A-1';
    const saved = await ok(a, 'users.create', 'mutation', {
      recordType: 'PUBLIC',
      primaryId: primaryIdOfA,
      firstName: 'Ann',
      lastName: 'Aye',
      userGroup: 'A_GROUP',
      identifiers: [{ idType: 'BARCODE', value: 'A-BARCODE' }],
      emails: [{ emailAddress: 'ann@example.org', emailTypes: ['personal'] }],
    });
    const user = (
      saved as unknown as {
        user: { id: string; identifiers: { id: string }[] };
      }
    ).user;
    idsOfA['users'] = user.id;
    idsOfA['identifiers'] = user.identifiers[0]?.id ?? '';
    idsOfA['notes'] = (
      await ok(a, 'users.notes.add', 'mutation', {
        userId: user.id,
        text: 'A note',
      })
    ).id;
    idsOfA['statistics'] = (
      await ok(a, 'users.statistics.add', 'mutation', {
        userId: user.id,
        categoryType: 'A_TYPE',
        category: 'A_CAT',
      })
    ).id;
    idsOfA['roles'] =
      (
        (await ok(a, 'users.roles.add', 'mutation', { userId: user.id, role: 'PATRON' })) as unknown as {
          roles: { id: string }[];
        }
      ).roles[0]?.id ?? '';
    idsOfA['attachments'] = (
      await ok(a, 'users.attachments.add', 'mutation', {
        userId: user.id,
        fileName: 'a.txt',
        contentBase64: Buffer.from('A file').toString('base64'),
      })
    ).id;
    // fines.get, fines.pay, fines.waive…: a fee of A's user.
    idsOfA['fines'] = (
      await ok(a, 'fines.add', 'mutation', {
        userId: user.id,
        type: 'OTHER',
        amount: '12.50',
      })
    ).id;
    // blocks.update, blocks.remove: a block on A's user.
    idsOfA['blocks'] = (await ok(a, 'blocks.add', 'mutation', { userId: user.id, type: 'GENERAL' })).id;
    // proxies.update, proxies.remove: A's user acting for another user of A.
    const patronOfA = await ok(a, 'users.create', 'mutation', {
      recordType: 'PUBLIC',
      primaryId: 'A-2',
      firstName: 'Abe',
      lastName: 'Aye',
      userGroup: 'A_GROUP',
    });
    idsOfA['proxies'] = (
      await ok(a, 'proxies.add', 'mutation', {
        proxyUserId: user.id,
        patronUserId: (patronOfA as unknown as { user: { id: string } }).user.id,
      })
    ).id;
    // letters.outbox.get/retry, letters.log.get: a letter to A's user.
    idsOfA['outbox'] = (
      await ok(a, 'letters.send.generalMail', 'mutation', { userId: user.id, subject: 'To Ann', body: 'Hello' })
    ).id;
    idsOfA['log'] = idsOfA['outbox'];
    idsOfA['apiKeys'] = (
      await ok(a, 'auth.apiKeys.create', 'mutation', {
        name: 'A key',
        role: 'USER_MANAGER',
      })
    ).id;
    // sis.profiles.*, sis.runs.*: a profile of A and a dry run of it on an uploaded file.
    idsOfA['profiles'] = (
      await ok(a, 'sis.profiles.save', 'mutation', { code: 'A_SIS', settings: { name: 'A', format: 'sis.xml' } })
    ).id;
    const upload = new FormData();
    upload.append('dryRun', 'true');
    upload.append('file', new Blob(['<users><user><primary_id>A1</primary_id></user></users>']), 'a.xml');
    const started = await fetch(`${server.url}/files/sis/profiles/${idsOfA['profiles']}/runs`, {
      method: 'POST',
      headers: { cookie: cookies.get(a.admin.institution) ?? '', origin: server.url },
      body: upload,
    });
    expect(started.status).toBe(202);
    idsOfA['runs'] = ((await started.json()) as { id: string }).id;
    for (
      let i = 0;
      i < 100 && (await ok(a, 'sis.runs.get', 'query', { id: idsOfA['runs'] })).status !== 'SUCCEEDED';
      i += 1
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    // courses.get, courses.enrolments.remove, courses.imports.*: an enrolment file of A imported.
    const enrolments = new FormData();
    enrolments.append('file', new Blob(['course_code,course_name,user_primary_id\nA101,A course,A-1\n']), 'a.csv');
    const imported = await fetch(`${server.url}/files/courses/imports`, {
      method: 'POST',
      headers: { cookie: cookies.get(a.admin.institution) ?? '', origin: server.url },
      body: enrolments,
    });
    expect(imported.status).toBe(202);
    idsOfA['imports'] = ((await imported.json()) as { id: string }).id;
    for (
      let i = 0;
      i < 100 && (await ok(a, 'courses.imports.get', 'query', { id: idsOfA['imports'] })).status !== 'SUCCEEDED';
      i += 1
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    const enrolled = (await ok(a, 'courses.enrolments.list', 'query', { userId: user.id })) as unknown as {
      enrolments: { id: string; course: { id: string } }[];
    };
    idsOfA['enrolments'] = enrolled.enrolments[0]?.id ?? '';
    idsOfA['courses'] = enrolled.enrolments[0]?.course.id ?? '';
    idsOfA['jobs'] = (await ok(a, 'users.purge', 'mutation')).id;
    // platform.jobs.own.get: the job A's administrator started.
    idsOfA['own'] = idsOfA['jobs'];
    const jobs = server.kernel.services.get(jobServices.jobs);
    for (let i = 0; i < 100 && (await jobs.get(a.institution.id, idsOfA['jobs'])).status !== 'SUCCEEDED'; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    before = await snapshotOfA();
  });
  afterAll(() => server.close());

  it("lists none of A's rows to B", async () => {
    // B's only user is its own administrator: staff are user records.
    const { rows } = (await ok(b, 'users.search', 'query', {})) as unknown as { rows: { id: string }[] };
    expect(rows.map((r) => r.id)).not.toContain(idsOfA['users']);
    expect(rows).toHaveLength(1);
    expect(await ok(b, 'platform.libraries.list', 'query')).toEqual([]);
    expect(
      (
        (await ok(b, 'auth.apiKeys.list', 'query')) as unknown as {
          name: string;
        }[]
      ).map((k) => k.name),
    ).toEqual(['everything', 'test']);
    expect(await ok(b, 'platform.jobs.list', 'query', {})).toEqual([]);
    expect(await ok(b, 'platform.jobs.own.list', 'query', {})).toEqual([]);
    // Only the Staff user group B's administrator was created with.
    const codes = (await ok(b, 'users.codeTables.list', 'query')) as unknown as { table: string; code: string }[];
    expect(codes.map((c) => `${c.table}:${c.code}`)).toEqual(['USER_GROUP:STAFF']);
    expect((await ok(b, 'platform.institution.get', 'query')).id).toBe(b.institution.id);
    expect((await rest('GET', `/users?q=primary_id~${primaryIdOfA}`)).text).toContain('"total_record_count":0');
  });

  it('finds the procedures that take an id in the router', () => {
    expect(takingIds.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'users.get',
        'users.update',
        'users.notes.remove',
        'auth.apiKeys.revoke',
        'platform.jobs.get',
        'platform.jobs.own.get',
      ]),
    );
  });

  it.each(takingIds)(
    "$path with A's ids ($idFields) answers NOT_FOUND or FORBIDDEN to B and changes nothing of A",
    async ({ path, type, input, idFields }) => {
      const segment = path.split('.').slice(-2)[0] ?? '';
      const idFor = (field: string) => {
        const id = field === 'userId' || field.endsWith('UserId') ? idsOfA['users'] : idsOfA[segment];
        if (!id) throw new Error(`no row of A for ${path}'s "${field}": add one to idsOfA`);
        return id;
      };
      const value = minimalInput(input, idFor);
      // The input is well-formed, so that the answer is about A's ids, not about the input.
      expect(input.safeParse(value).error).toBeUndefined();
      expect(
        idFields.every((field) => Object.values(idsOfA).includes((value as Record<string, string>)[field] ?? '')),
      ).toBe(true);
      const outcome = await trpc(b, path, type, value);
      expect([outcome.status, outcome.code]).toSatisfy(
        ([status, code]: [number, string]) =>
          (status === 404 && code === 'NOT_FOUND') || (status === 403 && code === 'FORBIDDEN'),
      );
      expect(await snapshotOfA()).toBe(before);
    },
  );

  it("leaves A's rows alone when B saves its own user naming the ids of A's identifiers", async () => {
    for (const [table, code] of [
      ['USER_GROUP', 'B_GROUP'],
      ['IDENTIFIER_TYPE', 'BARCODE'],
    ] as const)
      await ok(b, 'users.codeTables.save', 'mutation', {
        table,
        code,
        description: code,
      });
    const fields = {
      recordType: 'PUBLIC',
      primaryId: 'B-1',
      firstName: 'Bea',
      lastName: 'Bee',
      userGroup: 'B_GROUP',
    };
    const saved = await ok(b, 'users.create', 'mutation', fields);
    const user = (saved as unknown as { user: { id: string; version: number } }).user;
    const outcome = await trpc(b, 'users.update', 'mutation', {
      ...fields,
      id: user.id,
      version: user.version,
      identifiers: [{ id: idsOfA['identifiers'], idType: 'BARCODE', value: 'B-BARCODE' }],
    });
    // Refused (the row id is taken), never written over A's row.
    expect([outcome.status, outcome.code]).toSatisfy(
      ([status, code]: [number, string]) =>
        (status === 409 && code === 'CONFLICT') || (status === 400 && code === 'BAD_REQUEST'),
    );
    expect(await snapshotOfA()).toBe(before);
  });

  const userIdsOfA = () => [primaryIdOfA, 'A-BARCODE'];
  it.each(
    userRoutes.map((route) => ({
      route,
      name: `${route.method} ${route.path}`,
    })),
  )("REST $name with A's user ids answers 404 to B's key and changes nothing of A", async ({ route }) => {
    for (const userId of userIdsOfA()) {
      const url = route.path
        .replace('{user_id}', encodeURIComponent(userId))
        .replace(/\{\w+\}/g, () => idsOfA['attachments'] ?? '');
      const body = route.body ? minimalInput(route.body, () => idsOfA['users'] ?? '') : undefined;
      const query = route.query
        ? (minimalInput(route.query, () => idsOfA['users'] ?? '') as Record<string, string>)
        : {};
      const search = new URLSearchParams(
        Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
      ).toString();
      const outcome = await rest(route.method, search ? `${url}?${search}` : url, body);
      expect(outcome.status, `${route.method} ${url}: ${outcome.text}`).toBe(404);
      expect(outcome.text).toMatch(/"errorCode":"(401861|401890)"/);
      expect(await snapshotOfA()).toBe(before);
    }
  });

  it.each(
    fileRoutes.map((route) => ({
      route,
      name: `${route.method} ${route.path}`,
    })),
  )("file route $name with A's user answers 404 to B's key and changes nothing of A", async ({ route }) => {
    const url = route.path
      .replace('{userId}', idsOfA['users'] ?? '')
      .replace(/\{\w+\}/g, () => idsOfA['attachments'] ?? '');
    let body: FormData | undefined;
    if (route.method === 'POST') {
      body = new FormData();
      body.append('file', new Blob([new TextEncoder().encode('B file')]), 'b.txt');
    }
    const response = await fetch(`${server.url}${FILES_PREFIX}${url}`, {
      method: route.method,
      headers: { authorization: `apikey ${b.userManagerKey}` },
      body,
    });
    expect(response.status, `${route.method} ${url}: ${await response.text()}`).toBe(404);
    expect(await snapshotOfA()).toBe(before);
  });
});
