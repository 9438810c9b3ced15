import { workerServices } from '@ulms/platform';
import { type RestTestServer, serveRestForTest, startTestApi, type TestApi } from '@ulms/platform/testing';
// eslint-disable-next-line no-restricted-imports
import { usersPlugin } from '@ulms/users';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LETTERS_MODULE } from '../contracts/letters-module.js';
import { lettersPlugin } from '../server/letters.plugin.js';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Api = TestApi<readonly [typeof usersPlugin, typeof lettersPlugin]>;

const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
let api: Api;
let rest: RestTestServer;
let sink: SmtpSink;
let key: string;

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${rest.base}${path}`, {
    method,
    headers: { authorization: `apikey ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: JSON.parse(await response.text()) as Json };
}
const errorsOf = (body: Json) => (body['errorList']['error'] as Json[]).map((e) => e['errorMessage'] as string);
const almaUser = (primaryId: string, more: Json = {}) => ({
  record_type: { value: 'PUBLIC' },
  primary_id: primaryId,
  first_name: 'Pia',
  last_name: 'Pin',
  user_group: { value: 'PATRONS' },
  contact_info: {
    email: [{ email_address: `${primaryId}@example.org`, preferred: true, email_type: [{ value: 'personal' }] }],
  },
  ...more,
});
const drain = () => api.kernel.services.get(workerServices.workers).runOnce('letters.outbox');

beforeAll(async () => {
  sink = await startSmtpSink();
  api = (await startTestApi({
    plugins: [usersPlugin, lettersPlugin],
    institution: { modules: ['users', LETTERS_MODULE] },
  })) as unknown as Api;
  await api.caller.platform.modules.configure({
    moduleId: LETTERS_MODULE,
    config: { fromAddress: 'desk@library.example.org', smtp: { host: '127.0.0.1', port: sink.port } },
  });
  rest = await serveRestForTest(api, [usersPlugin, lettersPlugin]);
  key = await rest.createKey({ permissions: [...api.kernel.permissions.keys()] });
  await api.caller.users.codeTables.save({ table: 'USER_GROUP', code: 'PATRONS', description: 'Patrons' });
});
afterAll(async () => {
  await rest.close();
  await api.close();
  await sink.close();
});

describe(`send_pin_number_letter over REST (${database})`, () => {
  it('sends the PIN of a created or updated user in the PIN Number Generation letter', async () => {
    const created = await call('POST', '/users?send_pin_number_letter=true', almaUser('pin-1', { pin_number: '4711' }));
    expect(created.status).toBe(200);
    expect(created.json).not.toHaveProperty('pin_number');
    const { json } = await call('GET', '/users/pin-1');
    const updated = await call('PUT', '/users/pin-1?send_pin_number_letter=true', { ...json, pin_number: '0815' });
    expect(updated.status).toBe(200);
    await drain();
    const texts = sink.arrived.filter((m) => m.to.includes('pin-1@example.org')).map((m) => m.mail?.text ?? '');
    // Two letters sent side by side: their order of arrival is not the order queued.
    expect(texts).toHaveLength(2);
    expect(texts).toEqual(
      expect.arrayContaining([expect.stringContaining('is 4711.'), expect.stringContaining('is 0815.')]),
    );
  });

  it('refuses, saving nothing, a letter without a PIN or an email to send it to', async () => {
    const noPin = await call('POST', '/users?send_pin_number_letter=true', almaUser('pin-2'));
    expect(noPin.status).toBe(400);
    expect(errorsOf(noPin.json)).toEqual(['send_pin_number_letter: the record has no pin_number to send']);
    const noEmail = await call(
      'POST',
      '/users?send_pin_number_letter=true',
      almaUser('pin-3', { pin_number: '1234', contact_info: { email: [] } }),
    );
    expect(errorsOf(noEmail.json)).toEqual([
      'send_pin_number_letter: the record has no email address to send the PIN to',
    ]);
    for (const primaryId of ['pin-2', 'pin-3']) expect((await call('GET', `/users/${primaryId}`)).status).toBe(404);
  });
});
