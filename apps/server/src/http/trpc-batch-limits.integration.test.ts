import { HTTP_MAX_HEADER_BYTES, TRPC_MAX_URL_LENGTH } from '@ulms/platform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  cookie = await server.signIn(server.first.admin);
});
afterAll(() => server?.close());

/** The GET URL tRPC's batch link sends for `calls`, each `[procedure, input]`. */
function batchUrl(calls: readonly (readonly [string, unknown])[]): string {
  const input = Object.fromEntries(calls.map(([, json], i) => [i, { json }]));
  return `/trpc/${calls.map(([path]) => path).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

describe('batched tRPC queries', () => {
  it('answers the cold "Add user" batch of code tables that used to be a 414', async () => {
    const tables = ['USER_GROUP', 'JOB_CATEGORY', 'USER_TITLE', 'CAMPUS', 'IDENTIFIER_TYPE', 'STATISTIC_CATEGORY_TYPE'];
    const url = batchUrl(tables.map((table) => ['users.codeTables.list', { table }] as const));
    expect(url.split('?')[0]?.length).toBeGreaterThan(100); // Fastify's default maxParamLength
    const response = await fetch(`${server.url}${url}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBe(tables.length);
  });

  it('answers a batch as long as the admin app ever sends', async () => {
    const calls: (readonly [string, unknown])[] = [];
    while (batchUrl([...calls, ['users.codeTables.list', { table: 'USER_GROUP' }]]).length <= TRPC_MAX_URL_LENGTH)
      calls.push(['users.codeTables.list', { table: 'USER_GROUP' }]);
    const response = await fetch(`${server.url}${batchUrl(calls)}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBe(calls.length);
  });

  it('takes request headers beyond Node’s default 16 KiB', async () => {
    const big = `${cookie}; filler=${'x'.repeat(20_000)}`;
    expect(big.length).toBeLessThan(HTTP_MAX_HEADER_BYTES);
    const response = await fetch(`${server.url}/trpc/auth.session`, { headers: { cookie: big } });
    expect(response.status).toBe(200);
  });
});
