import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_DESK } from '../seed/demo-seed.js';
import { type RunningApp, startApp } from '../start-app.js';

/** Calls one tRPC procedure over HTTP the way the admin app's link does (superjson envelope). */
async function trpc(
  base: string,
  path: string,
  options: { input?: unknown; cookie?: string; headers?: Record<string, string>; query?: string } = {},
) {
  const isMutation = /sign(In|Out)|create|enable/.test(path);
  const url = `${base}/trpc/${path}${options.query ?? ''}`;
  const response = await fetch(
    isMutation
      ? url
      : `${url}${options.query ? '&' : '?'}input=${encodeURIComponent(JSON.stringify({ json: options.input }))}`,
    {
      method: isMutation ? 'POST' : 'GET',
      headers: {
        'content-type': 'application/json',
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      body: isMutation ? JSON.stringify({ json: options.input }) : undefined,
    },
  );
  return {
    status: response.status,
    setCookie: response.headers.get('set-cookie'),
    body: (await response.json()) as { result?: { data: { json: unknown } } },
  };
}

describe('sign-in and API keys over HTTP, on the demo seed', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(
      {
        port: 0,
        host: '127.0.0.1',
        database: { kind: 'pglite', dataDir: await mkdtemp(join(tmpdir(), 'ulms-http-')) },
        adminDir: join(tmpdir(), 'no-admin-build'),
        dataDir: await mkdtemp(join(tmpdir(), 'ulms-http-files-')),
        logLevel: 'silent',
        secureCookies: false,
      },
      { seedDemo: true },
    );
  });
  afterAll(() => app.stop());

  it('sets an httpOnly, SameSite session cookie that the next requests carry', async () => {
    const signIn = await trpc(app.url, 'auth.signIn', { input: DEMO_ADMIN });
    expect(signIn.status).toBe(200);
    expect(signIn.setCookie).toMatch(/^ulms_session=[\w-]+;.*HttpOnly/i);
    expect(signIn.setCookie).toMatch(/SameSite=Lax/i);
    const cookie = signIn.setCookie?.split(';')[0] ?? '';
    const session = await trpc(app.url, 'auth.session', { cookie });
    expect(session.body.result?.data.json).toMatchObject({
      account: { username: 'admin' },
      institution: { code: 'DEMO' },
    });

    const signOut = await trpc(app.url, 'auth.signOut', { cookie });
    expect(signOut.setCookie).toMatch(/ulms_session=;/);
    expect((await trpc(app.url, 'platform.modules.list', { cookie })).status).toBe(401);
  });

  it('shows a lesser role less', async () => {
    const cookie = (await trpc(app.url, 'auth.signIn', { input: DEMO_DESK })).setCookie?.split(';')[0] ?? '';
    expect((await trpc(app.url, 'platform.modules.list', { cookie })).status).toBe(403);
    expect((await trpc(app.url, 'platform.libraries.list', { cookie })).status).toBe(200);
  });

  it('accepts an API key as "Authorization: apikey" and as the apikey parameter', async () => {
    const cookie = (await trpc(app.url, 'auth.signIn', { input: DEMO_ADMIN })).setCookie?.split(';')[0] ?? '';
    const created = await trpc(app.url, 'auth.apiKeys.create', {
      cookie,
      input: { name: 'curl', permissions: ['platform.module.read'] },
    });
    const key = (created.body.result?.data.json as { key: string }).key;
    expect((await trpc(app.url, 'platform.modules.list', { headers: { authorization: `apikey ${key}` } })).status).toBe(
      200,
    );
    expect((await trpc(app.url, 'platform.modules.list', { query: `?apikey=${key}` })).status).toBe(200);
    expect((await trpc(app.url, 'platform.libraries.list', { query: `?apikey=${key}` })).status).toBe(403);
    expect((await trpc(app.url, 'platform.modules.list', { headers: { authorization: 'apikey wrong' } })).status).toBe(
      401,
    );
  });
});
