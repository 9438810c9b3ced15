import { TRPCError } from '@trpc/server';
import { fieldErrorsOf } from '@ulms/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IDENTIFIER_LENGTH, normalizeIdentifier } from '../contracts/identifiers.js';
import type { CreateUserInput } from '../contracts/user.schema.js';
import { type AlmaTestServer, startAlmaTestServer } from './alma-test-server.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Identifiers (primary and others) are normalised before they are stored, compared and looked up: NFKC,
 * invisible and format characters removed, trimmed, and matched case-insensitively. Two users cannot hold
 * look-alikes, and any look-alike finds the user over REST (`{user_id}`) and tRPC (search by identifier).
 */
describe('identifiers: look-alikes are the same identifier', () => {
  let server: AlmaTestServer;

  const create = (primaryId: string, extra: Partial<CreateUserInput> = {}) =>
    server.api.caller.users.create({
      recordType: 'PUBLIC',
      primaryId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      userGroup: 'UG',
      ...extra,
    });
  const barcode = (value: string) => ({ idType: 'BARCODE', value });
  /** The field errors a refused save names, whether input parsing or the service refused it. */
  const refusal = (saving: Promise<unknown>) =>
    saving.then(
      () => 'saved',
      (error: unknown) => (error instanceof TRPCError ? fieldErrorsOf(error) : error),
    );
  const exists = (type: string, value: string) => `a user with identifier of type ${type} "${value}" already exists`;
  const get = async (id: string) => {
    const response = await fetch(`${server.base}/users/${encodeURIComponent(id)}`, {
      headers: { authorization: `apikey ${server.key}` },
    });
    return { status: response.status, json: (await response.json()) as Json };
  };

  beforeAll(async () => {
    server = await startAlmaTestServer();
    await server.api.caller.users.codeTables.save({
      table: 'USER_GROUP',
      code: 'UG',
      description: 'Undergraduates',
    });
    await server.api.caller.users.codeTables.save({
      table: 'IDENTIFIER_TYPE',
      code: 'BARCODE',
      description: 'Barcode',
    });
    await create('ABC', { identifiers: [barcode('BC-1')] });
  });
  afterAll(() => server.close());

  const lookAlikes = [
    ['ABC\u200B', 'a zero-width space'],
    ['\u200DA\u200CBC', 'zero-width joiners'],
    ['A\u00ADBC', 'a soft hyphen'],
    ['\uFEFFABC', 'a byte order mark'],
    ['\u200EABC\u202E\u2066', 'bidirectional marks'],
    ['\uFF21\uFF22\uFF23', 'fullwidth letters'],
    ['\u3000ABC\u00A0', 'ideographic and no-break spaces'],
    ['abc', 'another case'],
  ] as const;

  it.each(lookAlikes)('refuses %j (%s) as the primary identifier beside ABC', async (lookAlike) => {
    expect(await refusal(create(lookAlike))).toEqual([
      {
        field: 'primaryId',
        message: exists('primary identifier', normalizeIdentifier(lookAlike)),
      },
    ]);
  });

  it.each(lookAlikes)('refuses %j (%s) as another identifier beside ABC', async (lookAlike) => {
    expect(await refusal(create('fresh-1', { identifiers: [barcode(lookAlike)] }))).toEqual([
      {
        field: 'identifiers.0.value',
        message: exists('primary identifier', normalizeIdentifier(lookAlike)),
      },
    ]);
  });

  it("refuses a look-alike of another user's barcode as a primary identifier", async () => {
    expect(await refusal(create('\uFF22\uFF23-\uFF11\u200B'))).toEqual([
      { field: 'primaryId', message: exists('BARCODE', 'BC-1') },
    ]);
  });

  it('refuses a look-alike over REST with 401851, and creates nothing', async () => {
    const response = await fetch(`${server.base}/users`, {
      method: 'POST',
      headers: {
        authorization: `apikey ${server.key}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        record_type: { value: 'PUBLIC' },
        primary_id: '\uFF41\uFF42\uFF43',
        first_name: 'Ada',
        last_name: 'Lovelace',
        user_group: { value: 'UG' },
      }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json)['errorList']['error'][0]['errorCode']).toBe('401851');
    expect(
      (
        await server.api.caller.users.search({
          query: 'Lovelace',
          searchBy: 'name',
        })
      ).total,
    ).toBe(1);
  });

  it('refuses a record repeating its own identifier as a look-alike', async () => {
    expect(await refusal(create('XYZ', { identifiers: [barcode('\uFF58\uFF59\uFF5A\u200B')] }))).toEqual([
      {
        field: 'identifiers.0.value',
        message: 'repeats the primary identifier',
      },
    ]);
  });

  it('stores the normalised text, and refuses an identifier of invisible characters only', async () => {
    const saved = await create('\u200B\uFF24\uFF25\uFF26 ', {
      identifiers: [barcode('\uFEFFbc\u2010\uFF12\u00AD')],
    });
    expect(saved.status === 'saved' && saved.user.primaryId).toBe('DEF');
    expect(saved.status === 'saved' && saved.user.identifiers.map((i) => i.value)).toEqual(['bc\u20102']);
    expect(await refusal(create('GHI', { identifiers: [barcode('\u200B\u00AD\uFEFF')] }))).toEqual([
      { field: 'identifiers.0.value', message: 'is required' },
    ]);
  });

  it('finds the user by any look-alike: REST user_id, and tRPC search by primary identifier or identifier', async () => {
    for (const [lookAlike] of lookAlikes) {
      const found = await get(lookAlike);
      expect(found.status, lookAlike).toBe(200);
      expect(found.json['primary_id']).toBe('ABC');
      expect(
        (
          await server.api.caller.users.search({
            query: lookAlike,
            searchBy: 'primaryId',
          })
        ).rows.map((r) => r.primaryId),
      ).toEqual(['ABC']);
    }
    expect((await get('\uFF42\uFF43-\uFF11\u200B')).json['primary_id']).toBe('ABC');
    expect(
      (
        await server.api.caller.users.search({
          query: 'bc-１\u00AD',
          searchBy: 'identifier',
        })
      ).rows.map((r) => r.primaryId),
    ).toEqual(['ABC']);
    expect((await get('ABD')).status).toBe(404);
  });

  it(`reaches a primary identifier of the maximum length (${MAX_IDENTIFIER_LENGTH}) over REST, in any script`, async () => {
    for (const id of [
      'x'.repeat(MAX_IDENTIFIER_LENGTH),
      '\u00E9'.repeat(MAX_IDENTIFIER_LENGTH),
      `${'\u{1F600}'.repeat(127)}z`,
    ]) {
      expect(id.length).toBe(MAX_IDENTIFIER_LENGTH);
      const saved = await create(id, { lastName: 'Long' });
      expect(saved.status).toBe('saved');
      const found = await get(id);
      expect(found.status).toBe(200);
      expect(found.json['primary_id']).toBe(id);
    }
    expect(await refusal(create('y'.repeat(MAX_IDENTIFIER_LENGTH + 1)))).toEqual([
      {
        field: 'primaryId',
        message: `must be at most ${MAX_IDENTIFIER_LENGTH} characters`,
      },
    ]);
  });
});
