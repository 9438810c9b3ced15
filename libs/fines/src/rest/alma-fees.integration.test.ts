import { authServices } from '@ulms/platform';
import { type RestTestServer, serveRestForTest } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finesPermissions } from '../contracts/fines-module.js';
import { type FinesTestApi, startFinesTestApi } from '../testing/fines-test-api.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
let api: FinesTestApi;
let rest: RestTestServer;
let key: string;
let otherKey: string;
let users = 0;

async function call(method: string, path: string, options: { body?: unknown; key?: string; xml?: boolean } = {}) {
  const response = await fetch(`${rest.base}${path}`, {
    method,
    headers: {
      authorization: `apikey ${options.key ?? key}`,
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.xml ? { accept: 'application/xml' } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, text, json: (text && !options.xml ? JSON.parse(text) : null) as Json };
}

const errorsOf = (body: Json) =>
  (body['errorList']['error'] as Json[]).map((e) => `${e['errorCode']} ${e['errorMessage']}`);

/** A new patron, by its primary identifier. */
async function newPatron(): Promise<string> {
  users += 1;
  const primaryId = `rest-fines-${users}`;
  const saved = await api.caller.users.create({
    recordType: 'PUBLIC',
    primaryId,
    firstName: 'Rhea',
    lastName: `Rest ${users}`,
    userGroup: 'PATRONS',
  });
  if (saved.status !== 'saved') throw new Error('the user was not saved');
  return primaryId;
}

const addFee = async (primaryId: string, amount: number | string, more: Json = {}) =>
  call('POST', `/users/${primaryId}/fees`, { body: { type: { value: 'DAMAGE' }, original_amount: amount, ...more } });

beforeAll(async () => {
  const started = await startFinesTestApi();
  api = started.api;
  rest = await serveRestForTest(api, started.plugins);
  key = await rest.createKey({ permissions: [...api.kernel.permissions.keys()] });
  const other = await api.createInstitution({ modules: ['users', 'fines'] });
  otherKey = (
    await api.kernel.services
      .get(authServices.apiKeys)
      .create(other.id, { name: 'other', permissions: [...api.kernel.permissions.keys()] }, null)
  ).key;
});
afterAll(async () => {
  await rest.close();
  await api.close();
});

describe(`Alma-format fees API (${database})`, () => {
  it('adds a fee and answers it in the reference’s shape, owned by the institution or a library', async () => {
    const patron = await newPatron();
    const added = await addFee(patron, 12.345, { comment: 'torn cover', barcode: { value: 'B-9' }, title: 'A book' });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({
      type: { value: 'DAMAGE', desc: 'Damaged item' },
      status: { value: 'ACTIVE', desc: 'Active' },
      user_primary_id: { value: patron },
      balance: 12.35,
      original_amount: 12.35,
      original_vat_amount: 0,
      owner: { value: api.institution.code },
      comment: 'torn cover',
      barcode: { value: 'B-9' },
      title: 'A book',
      transaction: [],
    });
    expect(added.json['link']).toBe(`${rest.base}/users/${patron}/fees/${added.json['id']}`);
    const library = await addFee(patron, '3', { owner: { value: 'MAIN' } });
    expect(library.json['owner']).toEqual({ value: 'MAIN', desc: 'Main library' });
  });

  it('refuses a negative amount, an unknown type or owner, and any field a new fee does not take, by name', async () => {
    const patron = await newPatron();
    expect(errorsOf((await addFee(patron, -5)).json)).toEqual([
      'INVALID_REQUEST original_amount: must not be negative',
    ]);
    expect(errorsOf((await addFee(patron, 5, { type: { value: 'NOPE' } })).json)).toEqual([
      'INVALID_REQUEST type: "NOPE" is not a fine/fee type of this institution',
    ]);
    expect(errorsOf((await addFee(patron, 5, { owner: { value: 'ELSEWHERE' } })).json)).toEqual([
      'INVALID_REQUEST owner: "ELSEWHERE" is not a library of this institution',
    ]);
    const extra = await addFee(patron, 5, { balance: 0, status: { value: 'CLOSED' } });
    expect(extra.status).toBe(400);
    expect(extra.text).toContain('balance');
    expect((await call('GET', `/users/${patron}/fees`)).json['total_record_count']).toBe(0);
  });

  it('lists a user’s fees by status with their transactions, the sum and the currency; in XML too', async () => {
    const patron = await newPatron();
    const first = (await addFee(patron, 30)).json;
    const second = (await addFee(patron, 20)).json;
    await call('POST', `/users/${patron}/fees/${first['id']}?op=pay&amount=10&method=CASH&external_transaction_id=T-1`);
    await call('POST', `/users/${patron}/fees/${second['id']}?op=dispute&comment=not%20mine`);
    const active = (await call('GET', `/users/${patron}/fees?status=ACTIVE`)).json;
    expect(active).toMatchObject({ total_record_count: 1, total_sum: 20, currency: api.institution.defaultCurrency });
    expect(active['fee'][0]['transaction']).toEqual([
      expect.objectContaining({
        type: { value: 'PAYMENT', desc: 'Payment' },
        amount: 10,
        payment_method: { value: 'CASH', desc: 'Cash' },
        external_transaction_id: 'T-1',
      }),
    ]);
    const disputed = (await call('GET', `/users/${patron}/fees?status=INDISPUTE`)).json;
    expect(disputed).toMatchObject({ total_record_count: 1, total_sum: 20 });
    expect((await call('GET', `/users/${patron}/fees`)).json['total_sum']).toBe(40);
    expect((await call('GET', `/users/${patron}/fees?limit=1`)).json['fee']).toHaveLength(1);
    expect((await call('GET', `/users/${patron}/fees?status=OPEN`)).status).toBe(400);
    const xml = await call('GET', `/users/${patron}/fees`, { xml: true });
    expect(xml.text).toMatch(/<fees total_record_count="2" total_sum="40" currency="[A-Z]{3}">/);
    expect(xml.text).toContain('<type desc="Damaged item">DAMAGE</type>');
  });

  it('pays, waives, disputes and restores one fee, refusing what the fee or the operation does not allow', async () => {
    const patron = await newPatron();
    const fee = (await addFee(patron, 50)).json;
    const at = (query: string) => call('POST', `/users/${patron}/fees/${fee['id']}?${query}`);
    expect((await at('op=pay&amount=20&method=CASH')).json['balance']).toBe(30);
    expect(errorsOf((await at('op=waive&amount=31&reason=GOODWILL')).json)).toEqual([
      'INVALID_REQUEST amount: must not be more than the remaining balance (30.00)',
    ]);
    expect(errorsOf((await at('op=waive&amount=5&reason=GOODWILL&method=CASH')).json)).toEqual([
      'INVALID_REQUEST method: is not a parameter of op=waive',
    ]);
    expect(errorsOf((await at('op=pay&amount=5')).json)).toEqual(['INVALID_REQUEST method: is required']);
    expect((await at('op=waive&amount=5&reason=GOODWILL&comment=kind')).json['balance']).toBe(25);
    expect((await at('op=dispute&comment=never%20borrowed')).json['status']).toEqual({
      value: 'INDISPUTE',
      desc: 'In dispute',
    });
    expect((await at('op=restore')).json['status']['value']).toBe('ACTIVE');
    expect(errorsOf((await at('op=restore')).json)).toEqual(['INVALID_REQUEST only a fee in dispute can be restored']);
    expect((await at('op=pay&amount=25&method=CASH')).json['status']['value']).toBe('CLOSED');
    const closed = await at('op=pay&amount=1&method=CASH');
    expect(closed.status).toBe(400);
    expect(errorsOf(closed.json)[0]).toContain('the fee is closed');
    expect((await at('op=refund&amount=1')).status).toBe(400);
  });

  it('pays everything a user owes with /fees/all?op=pay&amount=ALL, and nothing else there', async () => {
    const patron = await newPatron();
    await addFee(patron, 4);
    await addFee(patron, 6);
    expect((await call('POST', `/users/${patron}/fees/all?op=pay&amount=10&method=CASH`)).status).toBe(400);
    const paid = await call('POST', `/users/${patron}/fees/all?op=pay&amount=ALL&method=CASH`);
    expect(paid.json).toMatchObject({ total_record_count: 2, total_sum: 10 });
    expect((await call('GET', `/users/${patron}/fees?status=ACTIVE`)).json['total_record_count']).toBe(0);
  });

  it('shows the active balance with expand=fees on the user, and refuses it where fines is not enabled', async () => {
    const patron = await newPatron();
    const fee = (await addFee(patron, 15)).json;
    await addFee(patron, 5).then((f) => call('POST', `/users/${patron}/fees/${f.json['id']}?op=dispute`));
    const user = (await call('GET', `/users/${patron}?expand=fees`)).json;
    expect(user['fees']).toEqual({ value: 15, link: `${rest.base}/users/${patron}/fees` });
    expect((await call('GET', `/users/${patron}`)).json['fees']).toBeUndefined();
    expect(fee['balance']).toBe(15);
  });

  it('answers 401861 for an unknown user, 404 for another user’s or institution’s fee, 403 without the permission', async () => {
    const patron = await newPatron();
    const other = await newPatron();
    const fee = (await addFee(patron, 9)).json;
    const unknown = await call('GET', '/users/nobody-here/fees');
    expect(unknown.status).toBe(404);
    expect(errorsOf(unknown.json)).toEqual(['401861 User with identifier nobody-here was not found.']);
    expect((await call('GET', `/users/${patron}/fees?user_id_type=primary_id`)).status).toBe(200);
    expect((await call('GET', `/users/${other}/fees/${fee['id']}`)).status).toBe(404);
    expect((await call('GET', `/users/${patron}/fees/not-a-fee`)).status).toBe(404);
    expect((await call('GET', `/users/${patron}/fees/${fee['id']}`, { key: otherKey })).status).toBe(404);
    const reader = await rest.createKey({ permissions: [finesPermissions.feeRead] });
    expect((await call('GET', `/users/${patron}/fees/${fee['id']}`, { key: reader })).status).toBe(200);
    const refused = await call('POST', `/users/${patron}/fees/${fee['id']}?op=pay&amount=1&method=CASH`, {
      key: reader,
    });
    expect(refused.status).toBe(403);
    expect(
      (
        await call('POST', `/users/${patron}/fees`, {
          key: reader,
          body: { type: { value: 'DAMAGE' }, original_amount: 1 },
        })
      ).status,
    ).toBe(403);
    expect((await call('GET', `/users/${patron}/fees/${fee['id']}`)).json['balance']).toBe(9);
  });
});
