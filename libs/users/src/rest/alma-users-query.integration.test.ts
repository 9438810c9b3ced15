// GET /users's `q` through HTTP: every field the reference lists, `_` for a space, and the operators it
// does not have refused. PGlite by default; TEST_DATABASE_URL runs it on a PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDtoToFields } from '../contracts/user-fields.js';
import { type AlmaTestServer, startAlmaTestServer } from './alma-test-server.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: AlmaTestServer;

async function get(query: string) {
  const response = await fetch(`${server.base}/users?${query}`, {
    headers: { authorization: `apikey ${server.key}` },
  });
  return { status: response.status, json: (await response.json()) as Json };
}

/** The primary ids found (in the default order, last name first) and the total. */
async function find(q: string, more = '') {
  const response = await get(`q=${encodeURIComponent(q)}${more.includes('limit=') ? '' : '&limit=100'}${more}`);
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return {
    total: response.json['total_record_count'] as number,
    ids: ((response.json['user'] ?? []) as Json[]).map((u) => u['primary_id'] as string),
  };
}

const ids = async (q: string, more = '') => (await find(q, more)).ids;

/** The answer to a `q` that must be refused: status, codes and messages. */
async function refused(q: string) {
  const response = await get(`q=${encodeURIComponent(q)}`);
  const errors = (response.json['errorList']?.['error'] ?? []) as Json[];
  return {
    status: response.status,
    codes: errors.map((e) => e['errorCode']),
    message: errors.map((e) => e['errorMessage']).join(' | '),
  };
}

const person = (primaryId: string, first: string, last: string, extra: Json = {}): Json => ({
  record_type: { value: 'PUBLIC' },
  primary_id: primaryId,
  first_name: first,
  last_name: last,
  user_group: { value: 'UG' },
  ...extra,
});

beforeAll(async () => {
  server = await startAlmaTestServer();
  for (const entry of [
    { table: 'USER_GROUP', code: 'UG', description: 'Undergraduates' },
    {
      table: 'USER_GROUP',
      code: 'VISITING_SCHOLAR',
      description: 'Visiting scholars',
    },
    { table: 'JOB_CATEGORY', code: 'Cataloger', description: 'Cataloger' },
    { table: 'IDENTIFIER_TYPE', code: 'BARCODE', description: 'Barcode' },
  ] as const) {
    await server.api.caller.users.codeTables.save(entry);
  }
  const people = [
    person('q-vandyke', 'Jan', 'Van Dyke', {
      birth_date: '1979-01-11Z',
      contact_info: {
        phone: [
          {
            phone_number: '+47 22 33 44 55',
            phone_type: [{ value: 'mobile' }],
            preferred: true,
          },
        ],
      },
    }),
    person('q-dyke', 'Emma', 'Dyke', { middle_name: 'José' }),
    person('q-vandyke2', 'Anna', 'van-Dyke', { birth_date: '1980-05-06Z' }),
    person('q-vanderberg', 'Ola', 'Van der Berg-Ødegård', {
      job_description: 'Rare books cataloguer',
    }),
    person('jo_under', 'Jo', 'Under', {
      user_group: { value: 'VISITING_SCHOLAR' },
      contact_info: {
        email: [
          {
            email_address: 'jo_under@example.org',
            email_type: [{ value: 'personal' }],
            preferred: true,
          },
        ],
      },
      user_identifier: [{ id_type: { value: 'BARCODE' }, value: 'BC_77' }],
    }),
    person('q-pref', 'Kim', 'Legal', { pref_last_name: 'Shown Name' }),
    person('q-staff', 'Lou', 'Vance', { job_category: { value: 'Cataloger' } }),
  ];
  for (const body of people) {
    const response = await fetch(`${server.base}/users`, {
      method: 'POST',
      headers: {
        authorization: `apikey ${server.key}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.text()).toBe(200);
  }
});
afterAll(() => server.close());

describe('GET /users: q with _ for a space', () => {
  it('finds a two-word surname written with _, and with a space or quotes alike', async () => {
    expect(await find('last_name~Van_Dyke')).toEqual({
      total: 2,
      ids: ['q-vandyke', 'q-vandyke2'],
    });
    expect(await ids('last_name~van dyke')).toEqual(['q-vandyke', 'q-vandyke2']);
    expect(await ids('last_name~"Van Dyke"')).toEqual(['q-vandyke', 'q-vandyke2']);
    expect(await ids('last_name~Van_der_Berg')).toEqual(['q-vanderberg']);
  });

  it('matches whole words of the surname, in order, accents and case ignored', async () => {
    expect(await find('last_name~dyke')).toEqual({
      total: 3,
      ids: ['q-dyke', 'q-vandyke', 'q-vandyke2'],
    });
    expect(await ids('last_name~Dyke_Van')).toEqual([]);
    expect(await ids('last_name~Dyk')).toEqual([]);
    expect(await ids('last_name~odegard')).toEqual(['q-vanderberg']);
    expect(await ids('last_name~BERG_ØDEGÅRD')).toEqual(['q-vanderberg']);
    // The surname shown: a preferred last name where there is one.
    expect(await ids('last_name~Shown_Name')).toEqual(['q-pref']);
    expect(await ids('last_name~Legal')).toEqual([]);
  });

  it('keeps the exact total and pages by offset in name order', async () => {
    expect(await find('last_name~dyke', '&limit=1&offset=1')).toEqual({
      total: 3,
      ids: ['q-vandyke'],
    });
    expect(await find('last_name~dyke', '&limit=0')).toEqual({
      total: 3,
      ids: [],
    });
    expect(await ids('last_name~dyke', '&order_by=first_name')).toEqual(['q-vandyke2', 'q-dyke', 'q-vandyke']);
    expect(await ids('last_name~dyke', '&order_by=primary_id')).toEqual(['q-dyke', 'q-vandyke', 'q-vandyke2']);
  });

  it('combines a surname with other conditions', async () => {
    expect(await ids('last_name~Dyke AND first_name~Jan')).toEqual(['q-vandyke']);
    expect(await ids('last_name~Dyke AND birth_date~1980-05-06')).toEqual(['q-vandyke2']);
    expect(await ids('last_name~Dyke AND last_name~Van')).toEqual(['q-vandyke', 'q-vandyke2']);
  });

  it('reads _ in an identifier, email or code as typed, or as a space', async () => {
    expect(await ids('primary_id~JO_UNDER')).toEqual(['jo_under']);
    expect(await ids('identifiers~bc_77')).toEqual(['jo_under']);
    expect(await ids('email~jo_under@example.org')).toEqual(['jo_under']);
    expect(await ids('general_info~visiting_scholar')).toEqual(['jo_under']);
  });

  it('follows a renamed user, and forgets a deleted one', async () => {
    const [found] = (
      await server.api.caller.users.search({
        query: 'q-dyke',
        searchBy: 'primaryId',
      })
    ).rows;
    const user = await server.api.caller.users.get({ id: found?.id ?? '' });
    await server.api.caller.users.update({
      ...userDtoToFields(user),
      id: user.id,
      lastName: 'Dyke-Hansen',
    });
    expect(await ids('last_name~Dyke_Hansen')).toEqual(['q-dyke']);
    expect(await ids('last_name~hansen')).toEqual(['q-dyke']);
    await server.api.caller.users.update({
      ...userDtoToFields(user),
      id: user.id,
      lastName: 'Dyke',
    });
    expect(await ids('last_name~hansen')).toEqual([]);
    const other = await fetch(`${server.base}/users`, {
      method: 'POST',
      headers: {
        authorization: `apikey ${server.key}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(person('q-gone', 'Gus', 'Gone Soon')),
    });
    expect(other.status).toBe(200);
    expect(await ids('last_name~gone_soon')).toEqual(['q-gone']);
    const deleted = await fetch(`${server.base}/users/q-gone`, {
      method: 'DELETE',
      headers: { authorization: `apikey ${server.key}` },
    });
    expect(deleted.status).toBe(204);
    expect(await find('last_name~gone_soon')).toEqual({ total: 0, ids: [] });
  });
});

describe('GET /users: every field of the reference', () => {
  it('first_name and middle_name: whole words, accents ignored', async () => {
    expect(await ids('first_name~jan')).toEqual(['q-vandyke']);
    expect(await ids('first_name~ja')).toEqual([]);
    expect(await ids('middle_name~jose')).toEqual(['q-dyke']);
    expect(await ids('middle_name~JOSÉ')).toEqual(['q-dyke']);
    expect(await ids('middle_name~emma')).toEqual([]);
  });

  it('phone_number: the same digits, however written', async () => {
    expect(await ids('phone_number~4722334455')).toEqual(['q-vandyke']);
    expect(await ids('phone_number~+47_22_33_44_55')).toEqual(['q-vandyke']);
    expect(await ids('phone_number~22334455')).toEqual([]);
  });

  it("birth_date: a date, with or without the reference's Z", async () => {
    expect(await ids('birth_date~1979-01-11')).toEqual(['q-vandyke']);
    expect(await ids('birth_date~1979-01-11Z')).toEqual(['q-vandyke']);
    expect(await ids('birth_date~1979-01-12')).toEqual([]);
  });

  it('a date that is none is refused, naming q', async () => {
    for (const value of ['1979-02-30', '11/01/1979', '1979-1-11', 'yesterday']) {
      const answer = await refused(`birth_date~${value}`);
      expect(answer).toMatchObject({ status: 400, codes: ['INVALID_REQUEST'] });
      expect(answer.message).toMatch(/^q: .*birth_date.*not a date/);
    }
  });

  it('job_category, identifiers, email and primary_id: the whole value', async () => {
    expect(await ids('job_category~cataloger')).toEqual(['q-staff']);
    expect(await ids('primary_id~q-staff')).toEqual(['q-staff']);
    expect(await ids('primary_id~q-sta')).toEqual([]);
  });

  it('general_info: names, identifiers, email, codes and the job description; ALL adds phone numbers', async () => {
    expect(await ids('general_info~cataloguer')).toEqual(['q-vanderberg']);
    expect(await ids('general_info~Rare_books')).toEqual(['q-vanderberg']);
    expect(await ids('general_info~vanc')).toEqual(['q-staff']);
    expect(await ids('general_info~q-pref')).toEqual(['q-pref']);
    expect(await ids('general_info~jo_under@example.org')).toEqual(['jo_under']);
    expect(await ids('general_info~Cataloger')).toEqual(['q-staff']);
    expect(await ids('general_info~4722334455')).toEqual([]);
    expect(await ids('ALL~4722334455')).toEqual(['q-vandyke']);
    expect(await ids('ALL~cataloguer')).toEqual(['q-vanderberg']);
  });
});

describe('GET /users: what q does not have', () => {
  it.each([
    ['last_name~Dyke OR last_name~Vance', 'OR'],
    ['last_name~Dyke or last_name~Vance', 'or'],
    ['last_name~Dyke and first_name~Jan', 'and'],
    ['last_name~Dyke AND NOT first_name~Jan', 'NOT'],
    ['NOT last_name~Dyke', 'NOT'],
    ['last_name~Dyke And first_name~Jan', 'And'],
  ])('refuses %s, naming q and the operator', async (q, operator) => {
    const answer = await refused(q);
    expect(answer).toMatchObject({ status: 400, codes: ['INVALID_REQUEST'] });
    expect(answer.message).toMatch(/^q: /);
    expect(answer.message).toContain(`operator ${operator} is not supported`);
  });

  it('refuses a dangling AND and an unknown field', async () => {
    expect(await refused('last_name~Dyke AND')).toMatchObject({
      status: 400,
      codes: ['INVALID_REQUEST'],
      message: expect.stringMatching(/^q: .*AND must join/),
    });
    expect(await refused('shoe_size~44')).toMatchObject({
      status: 400,
      codes: ['INVALID_REQUEST'],
      message: expect.stringMatching(/^q: .*shoe_size/),
    });
  });

  it('keeps a word such as "or" inside a value written with _, or quoted', async () => {
    expect(await ids('last_name~Van_or_Dyke')).toEqual([]);
    expect(await ids('last_name~"Dyke or Vance"')).toEqual([]);
    expect(await ids('first_name~Or')).toEqual([]);
  });
});
