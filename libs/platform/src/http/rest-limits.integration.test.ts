import { request as httpRequest } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authServices } from '../auth/auth-services.js';
import { platformPermissions } from '../contracts/platform-permissions.js';
import { startTestApi, type TestApi } from '../testing/start-test-api.js';
import { registerRestApi } from './rest-fastify.adapter.js';
import { defineRestRoute, type RestContribution } from './rest-route.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** How many bodies reached a handler: a refused request must reach none. */
let handled = 0;

const documentRoute = defineRestRoute({
  method: 'POST',
  path: '/documents',
  operationId: 'postDocument',
  summary: 'Takes a document (the default limit)',
  moduleId: 'platform',
  permission: platformPermissions.libraryRead,
  body: z.object({ text: z.string() }),
  responses: { 200: { description: 'its length' } },
  async handle({ body }) {
    handled += 1;
    return { status: 200, body: { length: body.text.length } };
  },
});

/** A route whose limit is the institution's: here a fixed 4,000 bytes for the test institution. */
const uploadRoute = defineRestRoute({
  method: 'POST',
  path: '/uploads',
  operationId: 'postUpload',
  summary: 'Takes a file as large as the institution allows',
  moduleId: 'platform',
  permission: platformPermissions.libraryRead,
  body: z.object({ content: z.string() }),
  bodyLimit: ({ institution }) => (institution.code.startsWith('BIG') ? 4 * 1024 * 1024 : 4000),
  responses: { 200: { description: 'its length' } },
  async handle({ body }) {
    handled += 1;
    return { status: 200, body: { length: body.content.length } };
  },
});

const contribution: RestContribution = { routes: [documentRoute, uploadRoute] };

let api: TestApi<[]>;
let app: FastifyInstance;
let origin: string;
let key: string;

const newKey = async (institutionId: string, permissions: string[] = [platformPermissions.libraryRead]) =>
  (await api.kernel.services.get(authServices.apiKeys).create(institutionId, { name: 'test', permissions }, null)).key;

beforeAll(async () => {
  api = await startTestApi({ plugins: [] });
  app = Fastify({ logger: false });
  await registerRestApi(app, {
    prefix: '/api',
    title: 'test',
    version: 'v1',
    services: api.kernel.services,
    contributions: [contribution],
    rateLimitPerSecond: 1000,
  });
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
  key = await newKey(api.institution.id);
});
afterAll(async () => {
  await app.close();
  await api.close();
});
beforeEach(() => {
  handled = 0;
});

/**
 * Sends the request line and headers of a POST declaring `declaredLength` bytes, then only `sent` of them, and
 * gives the answer the server returns, or "no answer" when it waits for the rest of the body.
 */
function postWithoutBody(
  path: string,
  headers: Record<string, string>,
  declaredLength: number,
  sent = 16,
): Promise<{ status: number; body: Json; connection: string | undefined } | 'no answer'> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${origin}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(declaredLength),
        ...headers,
      },
    });
    const timer = setTimeout(() => {
      request.destroy();
      resolve('no answer');
    }, 3000);
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        clearTimeout(timer);
        request.destroy();
        resolve({
          status: response.statusCode ?? 0,
          body: JSON.parse(text) as Json,
          connection: response.headers.connection,
        });
      });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.write('{"text":"' + 'x'.repeat(Math.max(0, sent - 10)));
  });
}

/** GET with a Host header of our choosing (fetch always sends the real one). */
function getJsonWithHost(url: string, host: string): Promise<Json> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers: { host } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text) as Json));
    });
    request.on('error', reject);
    request.end();
  });
}

const errorOf = (body: Json) => body['errorList']['error'][0] as { errorCode: string; errorMessage: string };

describe('authentication before the body', () => {
  it('refuses a POST without a key with 401 before reading its body, and closes the connection', async () => {
    const answer = await postWithoutBody('/api/documents', {}, 150 * 1024 * 1024);
    expect(answer).not.toBe('no answer');
    if (answer === 'no answer') return;
    expect(answer.status).toBe(401);
    expect(errorOf(answer.body).errorCode).toBe('UNAUTHORIZED');
    expect(answer.connection).toBe('close');
    expect(handled).toBe(0);
  });

  it('refuses a wrong key, and a key without the permission (403), before reading the body', async () => {
    const wrong = await postWithoutBody('/api/documents', { authorization: 'apikey ulms_wrong' }, 50 * 1024 * 1024);
    expect(wrong).toMatchObject({ status: 401 });
    const weak = await newKey(api.institution.id, [platformPermissions.moduleRead]);
    const forbidden = await postWithoutBody('/api/documents?apikey=' + weak, {}, 50 * 1024 * 1024);
    expect(forbidden).toMatchObject({ status: 403 });
    expect(handled).toBe(0);
  });

  it('refuses a declared length over the route limit with 413 before reading the body', async () => {
    const answer = await postWithoutBody('/api/documents', { authorization: `apikey ${key}` }, 2 * 1024 * 1024);
    expect(answer).not.toBe('no answer');
    if (answer === 'no answer') return;
    expect(answer.status).toBe(413);
    expect(errorOf(answer.body).errorMessage).toBe(
      'the request body is larger than the 1048576 bytes this route accepts',
    );
  });
});

describe('body limits per route', () => {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      headers: {
        authorization: `apikey ${key}`,
        'content-type': 'application/json',
        ...headers,
      },
      body,
    });

  it('takes a document up to 1 MiB and refuses a larger one', async () => {
    expect((await post('/api/documents', JSON.stringify({ text: 'x'.repeat(1000 * 1000) }))).status).toBe(200);
    const refused = await post('/api/documents', JSON.stringify({ text: 'x'.repeat(1100 * 1000) }));
    expect(refused.status).toBe(413);
    expect(handled).toBe(1);
  });

  it("holds a route to the limit it works out for the caller's institution, chunked bodies too", async () => {
    expect((await post('/api/uploads', JSON.stringify({ content: 'x'.repeat(3000) }))).status).toBe(200);
    expect((await post('/api/uploads', JSON.stringify({ content: 'x'.repeat(5000) }))).status).toBe(413);
    // A stream has no Content-Length: the bytes are counted as they arrive.
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"content":"'));
        for (let i = 0; i < 10; i += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
        controller.enqueue(new TextEncoder().encode('"}'));
        controller.close();
      },
    });
    const streamed = await fetch(`${origin}/api/uploads`, {
      method: 'POST',
      headers: {
        authorization: `apikey ${key}`,
        'content-type': 'application/json',
      },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(errorOf((await streamed.json()) as Json).errorMessage).toBe(
      'the request body is larger than the 4000 bytes this route accepts',
    );
    expect(handled).toBe(1);

    const big = await api.createInstitution({ code: 'BIG1', modules: [] });
    const bigKey = await newKey(big.id);
    const large = await post('/api/uploads', JSON.stringify({ content: 'x'.repeat(3 * 1024 * 1024) }), {
      authorization: `apikey ${bigKey}`,
    });
    expect(large.status).toBe(200);
  });
});

describe('rate limits', () => {
  /** Waits for the start of the next second, so that a burst falls in one one-second window. */
  const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));

  it('limits each API key as well as its institution, so one key cannot use up the institution budget', async () => {
    const limited = Fastify({ logger: false });
    await registerRestApi(limited, {
      prefix: '/api',
      title: 'test',
      version: 'v1',
      services: api.kernel.services,
      contributions: [contribution],
      rateLimitPerSecond: 8,
      rateLimitPerKeyPerSecond: 3,
    });
    const base = await limited.listen({ port: 0, host: '127.0.0.1' });
    try {
      const busy = await newKey(api.institution.id);
      const quiet = await newKey(api.institution.id);
      const call = (k: string) =>
        fetch(`${base}/api/documents`, {
          method: 'POST',
          headers: {
            authorization: `apikey ${k}`,
            'content-type': 'application/json',
          },
          body: '{"text":"a"}',
        });
      await call(busy); // the key is cached from here on
      await call(quiet);
      await nextSecond();
      const burst = await Promise.all(Array.from({ length: 10 }, () => call(busy)));
      const others = await Promise.all(Array.from({ length: 3 }, () => call(quiet)));
      expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429, 429, 429, 429, 429, 429]);
      const refused = burst.find((r) => r.status === 429);
      expect(refused?.headers.get('retry-after')).toBe('1');
      expect(errorOf((await refused?.json()) as Json)).toMatchObject({
        errorCode: 'PER_SECOND_THRESHOLD',
        errorMessage: 'HTTP requests are more than allowed per second',
      });
      expect(others.map((r) => r.status)).toEqual([200, 200, 200]);
    } finally {
      await limited.close();
    }
  });
});

describe('the OpenAPI document', () => {
  it("names the server's own address, whatever the Host header says", async () => {
    const document = await getJsonWithHost(`${origin}/api/openapi.json`, 'attacker.example');
    expect(document['servers']).toEqual([{ url: `${origin}/api` }]);
  });

  it('names the configured public address', async () => {
    const configured = Fastify({ logger: false });
    await registerRestApi(configured, {
      prefix: '/api',
      title: 'test',
      version: 'v1',
      services: api.kernel.services,
      contributions: [contribution],
      rateLimitPerSecond: 1000,
      publicUrl: 'https://ulms.example.org/',
    });
    const base = await configured.listen({ port: 0, host: '127.0.0.1' });
    try {
      const document = await getJsonWithHost(`${base}/api/openapi.json`, 'attacker.example');
      expect(document['servers']).toEqual([{ url: 'https://ulms.example.org/api' }]);
      const page = await fetch(`${base}/api/docs`);
      expect(await page.text()).toContain('<h1>test');
      expect(page.headers.get('content-security-policy')).toMatch(
        /default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/,
      );
    } finally {
      await configured.close();
    }
  });
});
