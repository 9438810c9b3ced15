import { randomUUID } from 'node:crypto';
import { authServices, coreServices, fromXml } from '@ulms/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlmaTestServer, startAlmaTestServer } from './alma-test-server.js';
import { almaXmlShape } from '../contracts/alma-xml-shape.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: AlmaTestServer;

async function call(
  method: string,
  path: string,
  options: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
) {
  const key = options.key === undefined ? server.key : options.key;
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `apikey ${key}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: (text ? JSON.parse(text.startsWith('<') ? 'null' : text) : null) as Json,
  };
}

const errorCodes = (body: Json) => (body['errorList']['error'] as Json[]).map((e) => e['errorCode']);

/** A minimal Alma user document. */
const user = (primaryId: string, extra: Json = {}): Json => ({
  record_type: { value: 'PUBLIC' },
  primary_id: primaryId,
  first_name: 'Ada',
  last_name: 'Lovelace',
  user_group: { value: 'UG' },
  ...extra,
});

const email = (address: string, preferred = false) => ({
  email_address: address,
  email_type: [{ value: 'personal' }],
  preferred,
});

beforeAll(async () => {
  server = await startAlmaTestServer();
  for (const entry of [
    { table: 'USER_GROUP', code: 'UG', description: 'Undergraduates' },
    { table: 'USER_GROUP', code: 'GR', description: 'Graduates' },
    { table: 'JOB_CATEGORY', code: 'Cataloger', description: 'Cataloger' },
    { table: 'IDENTIFIER_TYPE', code: 'BARCODE', description: 'Barcode' },
  ] as const) {
    await server.api.caller.users.codeTables.save(entry);
  }
});
afterAll(() => server.close());

describe('API keys', () => {
  it('accepts the key in the Authorization header and in the apikey parameter', async () => {
    expect((await call('GET', '/users')).status).toBe(200);
    expect((await call('GET', `/users?apikey=${encodeURIComponent(server.key)}`, { key: null })).status).toBe(200);
  });

  it('answers 401 in the envelope without a key or with an unknown one, in JSON and XML', async () => {
    const missing = await call('GET', '/users', { key: null });
    expect(missing.status).toBe(401);
    expect(missing.json).toMatchObject({
      errorsExist: true,
      errorList: { error: [{ errorCode: 'UNAUTHORIZED' }] },
      result: null,
    });
    expect(missing.json['errorList']['error'][0]['trackingId']).toEqual(expect.any(String));
    const wrong = await call('GET', '/users?format=xml', { key: 'ulms_nope_nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain(
      '<web_service_result xmlns="http://com/exlibris/urm/general/xmlbeans"><errorsExist>true</errorsExist><errorList><error><errorCode>UNAUTHORIZED</errorCode>',
    );
  });

  it('refuses a key without the permission, and an institution without the users module', async () => {
    const reader = await server.createKey({ permissions: ['users.user.read'] });
    expect((await call('GET', '/users', { key: reader })).status).toBe(200);
    const refused = await call('POST', '/users', { key: reader, body: user('reader-1') });
    expect(refused.status).toBe(403);
    expect(refused.json['errorList']['error'][0]['errorMessage']).toContain('users.user.create');

    const other = await server.api.createInstitution();
    const otherKey = (
      await server.api.kernel.services
        .get(authServices.apiKeys)
        .create(other.id, { name: 'other', role: 'USER_MANAGER' }, null)
    ).key;
    const disabled = await call('GET', '/users', { key: otherKey });
    expect(disabled.status).toBe(403);
    expect(disabled.json['errorList']['error'][0]['errorMessage']).toContain('module "users" is not enabled');
  });

  it('keeps institutions apart: a key sees only its own users', async () => {
    expect((await call('POST', '/users', { body: user('tenant-1') })).status).toBe(200);
    const other = await server.api.createInstitution({ modules: ['users'] });
    const otherKey = (
      await server.api.kernel.services
        .get(authServices.apiKeys)
        .create(other.id, { name: 'other', role: 'USER_MANAGER' }, null)
    ).key;
    expect((await call('GET', '/users/tenant-1', { key: otherKey })).status).toBe(404);
  });
});

describe('error codes', () => {
  const firstCode = async (method: string, path: string, body?: unknown) => {
    const response = await call(method, path, { body });
    return {
      status: response.status,
      codes: errorCodes(response.json),
      messages: (response.json['errorList']['error'] as Json[]).map((e) => e['errorMessage']),
    };
  };

  it('401851: an identifier that exists', async () => {
    await call('POST', '/users', { body: user('taken-1') });
    const result = await firstCode('POST', '/users', user('TAKEN-1'));
    expect(result).toMatchObject({ status: 400, codes: ['401851'] });
    expect(result.messages[0]).toContain('primary_id');
  });

  it('401664: a mandatory field missing', async () => {
    const { record_type: _recordType, ...withoutType } = user('mandatory-1');
    expect(await firstCode('POST', '/users', withoutType)).toMatchObject({ status: 400, codes: ['401664'] });
    const noIdValue = await firstCode(
      'POST',
      '/users',
      user('mandatory-2', { user_identifier: [{ id_type: { value: 'BARCODE' }, value: '' }] }),
    );
    expect(noIdValue).toMatchObject({ status: 400, codes: ['401664'] });
  });

  it('401852: an illegal user group', async () => {
    expect(await firstCode('POST', '/users', user('group-1', { user_group: { value: 'NOPE' } }))).toMatchObject({
      status: 400,
      codes: ['401852'],
    });
  });

  it('401857: an account type that is not one', async () => {
    expect(await firstCode('POST', '/users', user('account-1', { account_type: { value: 'BOGUS' } }))).toMatchObject({
      status: 400,
      codes: ['401857'],
    });
  });

  it('500038: a password against the policy', async () => {
    expect(await firstCode('POST', '/users', user('password-1', { password: 'short' }))).toMatchObject({
      status: 400,
      codes: ['500038'],
    });
  });

  it('401861 / 401890: user not found, without and with user_id_type', async () => {
    expect(await firstCode('GET', '/users/nobody')).toMatchObject({ status: 404, codes: ['401861'] });
    expect(await firstCode('GET', '/users/nobody?user_id_type=BARCODE')).toMatchObject({
      status: 404,
      codes: ['401890'],
    });
    expect(await firstCode('PUT', '/users/nobody', user('nobody'))).toMatchObject({ status: 404, codes: ['401861'] });
    expect(await firstCode('DELETE', '/users/nobody')).toMatchObject({ status: 404, codes: ['401861'] });
  });

  it("401850: a deletion a guard stops, with the guard's reason", async () => {
    const created = await call('POST', '/users', { body: user('locked-1') });
    const id = (await server.api.caller.users.search({ query: 'locked-1', searchBy: 'primaryId' })).rows[0]
      ?.id as string;
    expect(created.status).toBe(200);
    await server.api.kernel.services
      .get(coreServices.prisma)
      .userJobLock.create({ data: { userId: id, jobId: randomUUID() } });
    const result = await firstCode('DELETE', '/users/locked-1');
    expect(result).toMatchObject({ status: 400, codes: ['401850'] });
    expect(result.messages[0]).toContain('locked by a running job');
  });

  it('INVALID_REQUEST for other bad input, with the field named', async () => {
    const result = await firstCode('GET', '/users?limit=500');
    expect(result).toMatchObject({ status: 400, codes: ['INVALID_REQUEST'] });
    expect(result.messages[0]).toContain('limit');
    expect(await firstCode('GET', '/users?q=shoe_size~44')).toMatchObject({ status: 400, codes: ['INVALID_REQUEST'] });
    expect(await firstCode('GET', '/nothing-here')).toMatchObject({ status: 404, codes: ['NOT_FOUND'] });
  });
});

describe('GET /users/{user_id}', () => {
  beforeAll(async () => {
    await call('POST', '/users', {
      body: user('get-1', { user_identifier: [{ id_type: { value: 'BARCODE' }, value: 'BC-0001' }] }),
    });
  });

  it('finds by primary identifier (any case) or any identifier, and by a given identifier type', async () => {
    for (const path of [
      '/users/GET-1',
      '/users/bc-0001',
      '/users/BC-0001?user_id_type=BARCODE',
      '/users/get-1?user_id_type=primary_id',
    ]) {
      const response = await call('GET', path);
      expect(response.status, path).toBe(200);
      expect(response.json['primary_id']).toBe('get-1');
    }
    expect((await call('GET', '/users/get-1?user_id_type=BARCODE')).status).toBe(404);
  });

  it('answers brief on view=brief', async () => {
    const brief = await call('GET', '/users/get-1?view=brief');
    expect(Object.keys(brief.json).sort()).toEqual(
      [
        'account_type',
        'expiry_date',
        'first_name',
        'full_name',
        'last_name',
        'link',
        'middle_name',
        'primary_id',
        'record_type',
        'status',
        'user_group',
      ].sort(),
    );
  });

  it('answers XML on Accept: application/xml', async () => {
    const response = await call('GET', '/users/get-1', { headers: { accept: 'application/xml' } });
    expect(response.text).toContain('<user_group desc="Undergraduates">UG</user_group>');
    expect(fromXml(response.text, almaXmlShape).value['user_identifier']).toEqual([
      expect.objectContaining({ value: 'BC-0001', id_type: { value: 'BARCODE', desc: 'Barcode' } }),
    ]);
  });
});

describe('PUT /users/{user_id}', () => {
  it('swaps all: incoming lists replace existing ones, left-out fields are cleared, no roles keeps the roles', async () => {
    await call('POST', '/users', {
      body: user('swap-1', {
        middle_name: 'Augusta',
        contact_info: { email: [email('one@example.org', true), email('two@example.org')] },
        user_role: [{ role_type: { value: '200' }, status: { value: 'ACTIVE' } }],
      }),
    });
    const put = await call('PUT', '/users/swap-1', {
      body: user('swap-1', { contact_info: { email: [email('three@example.org', true)] } }),
    });
    expect(put.status, put.text).toBe(200);
    expect(put.json['contact_info']['email'].map((e: Json) => e['email_address'])).toEqual(['three@example.org']);
    expect(put.json['middle_name']).toBeNull();
    expect(put.json['user_role'].map((r: Json) => r['role_type']['value'])).toEqual(['200']);

    const withRoles = await call('PUT', '/users/swap-1', {
      body: user('swap-1', { user_role: [{ role_type: { value: '21' }, status: { value: 'ACTIVE' } }] }),
    });
    expect(withRoles.json['user_role'].map((r: Json) => r['role_type']['value'])).toEqual(['21']);
    expect(withRoles.json['contact_info']['email']).toEqual([]);
  });

  it('keeps the protected fields of an external user unless override names them', async () => {
    const external = user('external-1', { account_type: { value: 'EXTERNAL' }, external_id: 'SIS' });
    expect((await call('POST', '/users', { body: external })).status).toBe(200);
    const kept = await call('PUT', '/users/external-1', {
      body: { ...external, user_group: { value: 'GR' }, job_description: 'Changed' },
    });
    expect(kept.status, kept.text).toBe(200);
    expect(kept.json['user_group']['value']).toBe('UG');
    expect(kept.json['job_description']).toBe('Changed');

    const overridden = await call('PUT', '/users/external-1?override=user_group', {
      body: { ...external, user_group: { value: 'GR' } },
    });
    expect(overridden.json['user_group']).toEqual({ value: 'GR', desc: 'Graduates' });
    expect(overridden.json['account_type']['value']).toBe('EXTERNAL');
    const user_ = await server.api.caller.users.get({
      id: (await server.api.caller.users.search({ query: 'external-1', searchBy: 'primaryId' })).rows[0]?.id as string,
    });
    expect(user_.overrides.map((o) => o.field)).toEqual(['userGroup']);

    expect(errorCodes((await call('PUT', '/users/external-1?override=last_name', { body: external })).json)).toEqual([
      'INVALID_REQUEST',
    ]);
  });

  it('reads an XML body', async () => {
    await call('POST', '/users', { body: user('xml-put-1') });
    const xmlBody =
      '<user><record_type>PUBLIC</record_type><primary_id>xml-put-1</primary_id><first_name>Grace</first_name><last_name>Hopper</last_name><user_group>GR</user_group>' +
      '<contact_info><emails><email preferred="true" segment_type="Internal"><email_address>grace@example.org</email_address><email_types><email_type>work</email_type></email_types></email></emails></contact_info></user>';
    const response = await call('PUT', '/users/xml-put-1', { headers: { 'content-type': 'application/xml' } });
    expect(response.status).toBe(400); // no body
    const put = await fetch(`${server.base}/users/xml-put-1`, {
      method: 'PUT',
      headers: { authorization: `apikey ${server.key}`, 'content-type': 'application/xml' },
      body: xmlBody,
    });
    const json = (await put.json()) as Json;
    expect(json['first_name']).toBe('Grace');
    expect(json['contact_info']['email'][0]).toMatchObject({
      email_address: 'grace@example.org',
      preferred: true,
      email_type: [{ value: 'work', desc: 'Work' }],
    });
  });
});

describe('GET /users: q, paging and order', () => {
  let find: (query: string) => Promise<{ total: number; ids: string[] }>;
  beforeAll(async () => {
    const people = [
      ['page-a', 'Anna', 'Zeta', 'anna@example.org', 'Cataloger'],
      ['page-b', 'Bert', 'Young', 'bert@example.org', null],
      ['page-c', 'Carl', 'Xylo', 'carl@example.org', 'Cataloger'],
      ['page-d', 'Dora', 'Walsh', 'dora@example.org', null],
      ['page-e', 'Emil', 'Vance', 'emil@example.org', null],
    ] as const;
    for (const [primaryId, first, last, address, job] of people) {
      const created = await call('POST', '/users', {
        body: user(primaryId, {
          first_name: first,
          last_name: last,
          job_category: job ? { value: job } : null,
          contact_info: { email: [email(address, true)] },
          user_identifier: [{ id_type: { value: 'BARCODE' }, value: `BC-${primaryId}` }],
        }),
      });
      expect(created.status, created.text).toBe(200);
    }
    find = async (query) => {
      const response = await call('GET', `/users?${query}`);
      expect(response.status, response.text).toBe(200);
      return {
        total: response.json['total_record_count'],
        ids: response.json['user'].map((u: Json) => u['primary_id']),
      };
    };
  });

  it('pages with limit and offset in the order asked for', async () => {
    expect(await find('q=primary_id~page-a')).toEqual({ total: 1, ids: ['page-a'] });
    expect(await find('q=primary_id~page-a&limit=0')).toEqual({ total: 1, ids: [] });
    expect(await find('q=job_category~Cataloger&limit=0')).toEqual({ total: 2, ids: [] });
    const all = await find(`q=${encodeURIComponent('first_name~ AND last_name~')}&limit=100&order_by=primary_id`);
    const pages = all.ids.filter((id) => id.startsWith('page-'));
    expect(pages).toEqual(['page-a', 'page-b', 'page-c', 'page-d', 'page-e']);
    expect(await find('q=email~bert@example.org&limit=1&offset=0')).toEqual({ total: 1, ids: ['page-b'] });
  });

  it('pages a search by the default order (last name), including an offset off the page boundary', async () => {
    const lastNames = await find('q=job_category~Cataloger&order_by=last_name');
    expect(lastNames).toEqual({ total: 2, ids: ['page-c', 'page-a'] });
    const everyone = (await find('limit=100')).total;
    const window = await find('limit=2&offset=1');
    const reference = (await find('limit=100')).ids.slice(1, 3);
    expect(window).toEqual({ total: everyone, ids: reference });
    expect((await find('limit=3&offset=4')).ids).toEqual((await find('limit=100')).ids.slice(4, 7));
  });

  it('orders by first name', async () => {
    const byFirst = await find(`q=${encodeURIComponent('job_category~Cataloger')}&order_by=first_name`);
    expect(byFirst.ids).toEqual(['page-a', 'page-c']);
  });

  it('searches each q field', async () => {
    expect((await find('q=primary_id~PAGE-C')).ids).toEqual(['page-c']);
    expect((await find('q=first_name~dora')).ids).toEqual(['page-d']);
    expect((await find('q=last_name~Vance')).ids).toEqual(['page-e']);
    expect((await find('q=first_name~Vance')).ids).toEqual([]);
    expect((await find('q=email~anna@example.org')).ids).toEqual(['page-a']);
    expect((await find('q=identifiers~BC-page-b')).ids).toEqual(['page-b']);
    expect((await find('q=job_category~cataloger')).ids).toEqual(['page-c', 'page-a']);
    expect((await find('q=ALL~Walsh')).ids).toEqual(['page-d']);
    expect((await find(`q=${encodeURIComponent('job_category~Cataloger AND first_name~Anna')}`)).ids).toEqual([
      'page-a',
    ]);
    expect((await find(`q=${encodeURIComponent('email~carl@example.org AND identifiers~BC-page-c')}`)).ids).toEqual([
      'page-c',
    ]);
    expect((await find(`q=${encodeURIComponent('email~carl@example.org AND identifiers~BC-page-a')}`)).ids).toEqual([]);
  });

  it('gives brief records with links, and XML with total_record_count on the root', async () => {
    const response = await call('GET', '/users?q=primary_id~page-a');
    expect(response.json['user'][0]).toMatchObject({
      primary_id: 'page-a',
      first_name: 'Anna',
      last_name: 'Zeta',
      link: `${server.base}/users/page-a`,
    });
    const xml = await call('GET', '/users?q=primary_id~page-a&format=xml');
    expect(xml.text).toContain(`<users total_record_count="1"><user link="${server.base}/users/page-a">`);
  });
});

describe('attachments and personal data', () => {
  const content = Buffer.from('a note in plain text\n').toString('base64');

  it('adds, lists and gets attachments, and exports the whole record', async () => {
    await call('POST', '/users', { body: user('files-1') });
    const added = await call('POST', '/users/files-1/attachments', {
      body: { file_name: 'note.txt', content, note: 'signed form' },
    });
    expect(added.status, added.text).toBe(200);
    expect(added.json).toMatchObject({ file_name: 'note.txt', content_type: 'text/plain', note: 'signed form' });

    const list = await call('GET', '/users/files-1/attachments');
    expect(list.json).toMatchObject({
      total_record_count: 1,
      user_attachment: [{ id: added.json['id'], file_name: 'note.txt' }],
    });
    const one = await call('GET', `/users/files-1/attachments/${added.json['id']}?expand=content`);
    expect(one.json['content']).toBe(content);
    expect((await call('GET', `/users/files-1/attachments/${randomUUID()}`)).status).toBe(404);
    expect(
      errorCodes((await call('POST', '/users/files-1/attachments', { body: { file_name: 'empty.txt' } })).json),
    ).toEqual(['401664']);

    const id = (await server.api.caller.users.search({ query: 'files-1', searchBy: 'primaryId' })).rows[0]
      ?.id as string;
    await server.api.caller.users.notes.add({ userId: id, text: 'Prefers email', noteType: 'GENERAL' });
    const data = await call('GET', '/users/files-1/personal-data');
    expect(data.json).toMatchObject({
      primary_id: 'files-1',
      user_note: [{ note_text: 'Prefers email', note_type: { value: 'GENERAL' } }],
      user_attachment: [{ file_name: 'note.txt' }],
    });
    const xml = await call('GET', '/users/files-1/personal-data?format=xml');
    expect(xml.text).toContain(
      '<user_notes><user_note user_viewable="false" popup_note="false" segment_type="Internal"><note_type desc="General">GENERAL</note_type>',
    );
  });
});

describe('the OpenAPI document', () => {
  it('describes every route from the zod schemas, and renders a reference page', async () => {
    const document = (await call('GET', '/openapi.json', { key: null })).json;
    expect(document['openapi']).toBe('3.1.0');
    expect(Object.keys(document['paths'])).toEqual(
      expect.arrayContaining([
        '/users',
        '/users/{user_id}',
        '/users/{user_id}/personal-data',
        '/users/{user_id}/attachments',
        '/users/{user_id}/attachments/{attachment_id}',
      ]),
    );
    const list = document['paths']['/users']['get'];
    expect(list['parameters']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'limit', in: 'query', schema: expect.objectContaining({ maximum: 100 }) }),
      ]),
    );
    expect(
      document['paths']['/users']['post']['requestBody']['content']['application/json']['schema']['properties'],
    ).toHaveProperty('user_identifier');
    const page = await fetch(`${server.base}/docs`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<code>/users/{user_id}</code>');
  });
});

describe('rate limit', () => {
  it("answers 429 with the reference's error past the institution's requests per second", async () => {
    const limited = await startAlmaTestServer({ rateLimitPerSecond: 3 });
    try {
      const other = await limited.api.createInstitution({ modules: ['users'] });
      const otherKey = (
        await limited.api.kernel.services
          .get(authServices.apiKeys)
          .create(other.id, { name: 'o', role: 'USER_MANAGER' }, null)
      ).key;
      const list = (key: string) => fetch(`${limited.base}/users`, { headers: { authorization: `apikey ${key}` } });
      // The limits count per second of the clock: start at the beginning of one, so that every request falls in it.
      await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000)));
      const [responses, otherResponse] = await Promise.all([
        Promise.all(Array.from({ length: 12 }, () => list(limited.key))),
        list(otherKey),
      ]);
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
      const refused = (await responses[statuses.indexOf(429)]?.json()) as Json;
      expect(refused['errorList']['error'][0]).toMatchObject({
        errorCode: 'PER_SECOND_THRESHOLD',
        errorMessage: 'HTTP requests are more than allowed per second',
      });
      // The limit is per institution: in that same second, the same server's other institution is served.
      expect(otherResponse.status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
