import { tenancyServices } from '@ulms/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlmaTestServer, startAlmaTestServer } from './alma-test-server.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: AlmaTestServer;

async function post(path: string, body: string) {
  const response = await fetch(`${server.base}${path}`, {
    method: 'POST',
    headers: {
      authorization: `apikey ${server.key}`,
      'content-type': 'application/json',
    },
    body,
  });
  return { status: response.status, json: (await response.json()) as Json };
}

const configureAttachments = (maxSizeBytes: number) =>
  server.api.kernel.services.get(tenancyServices.modules).configure(server.api.institution.id, 'users', {
    attachments: { maxSizeBytes },
  });

const attachment = (bytes: number) =>
  JSON.stringify({
    file_name: 'scan.txt',
    content: Buffer.alloc(bytes, 'a').toString('base64'),
  });

beforeAll(async () => {
  server = await startAlmaTestServer();
  await server.api.caller.users.codeTables.save({
    table: 'USER_GROUP',
    code: 'UG',
    description: 'Undergraduates',
  });
  const created = await post(
    '/users',
    JSON.stringify({
      record_type: { value: 'PUBLIC' },
      primary_id: 'limits-1',
      first_name: 'Ada',
      last_name: 'Lovelace',
      user_group: { value: 'UG' },
    }),
  );
  expect(created.status).toBe(200);
});
afterAll(() => server.close());

describe('body limits of the users routes', () => {
  it('refuses a user document over 1 MiB with 413, naming the limit', async () => {
    const huge = JSON.stringify({
      record_type: { value: 'PUBLIC' },
      primary_id: 'limits-2',
      first_name: 'x'.repeat(1_100_000),
    });
    const refused = await post('/users', huge);
    expect(refused.status).toBe(413);
    expect(refused.json['errorList']['error'][0]['errorMessage']).toBe(
      'the request body is larger than the 1048576 bytes this route accepts',
    );
  });

  it("takes an attachment up to the institution's configured size, base64-encoded, and refuses beyond it", async () => {
    await configureAttachments(2_000_000);
    // 1.5 MB of file is 2 MB of base64: more than the documents' 1 MiB, within the configured size.
    const added = await post('/users/limits-1/attachments', attachment(1_500_000));
    expect(added.status, JSON.stringify(added.json)).toBe(200);
    expect(added.json).toMatchObject({
      file_name: 'scan.txt',
      size: 1_500_000,
    });
    const tooLarge = await post('/users/limits-1/attachments', attachment(2_100_000));
    expect(tooLarge.status).toBe(413);

    await configureAttachments(10_000);
    const small = await post('/users/limits-1/attachments', attachment(100_000));
    expect(small.status).toBe(413);
    expect(small.json['errorList']['error'][0]['errorMessage']).toBe(
      `the request body is larger than the ${Math.ceil(10_000 / 3) * 4 + 64 * 1024} bytes this route accepts`,
    );
  });
});
