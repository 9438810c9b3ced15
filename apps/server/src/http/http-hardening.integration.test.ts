import { mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  authServices,
  type BuiltInRole,
  coreServices,
  type Database,
  type InstitutionRef,
  jobServices,
  type Kernel,
  migrationsDir,
  readMigrations,
  startKernel,
  tenancyServices,
} from '@ulms/platform';
import { openTestDatabase } from '@ulms/platform/testing';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../app-router.js';
import { installedPlugins } from '../installed-plugins.js';
import { type BuildServerOptions, buildServer, SESSION_COOKIE } from './build-server.js';
import { allowedOriginsFromEnv, publicUrlFromEnv, trustProxyFromEnv } from './http-settings.js';
import { createStaffUser, namesOf } from '../staff/create-staff-user.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PASSWORD = 'the first long password';
const ADMIN_ROLES: BuiltInRole[] = ['GENERAL_SYSTEM_ADMINISTRATOR', 'USER_ADMINISTRATOR'];

let database: Database;
let kernel: Kernel;
let institution: InstitutionRef;
let adminDir: string;
const servers: FastifyInstance[] = [];
let url: string;

async function startServer(options: Partial<BuildServerOptions> = {}): Promise<string> {
  const server = await buildServer({
    kernel,
    database,
    router: appRouter,
    migrations: await readMigrations(migrationsDir),
    logLevel: 'silent',
    adminDir,
    ...options,
  });
  servers.push(server);
  return server.listen({ port: 0, host: '127.0.0.1' });
}

beforeAll(async () => {
  database = await openTestDatabase();
  kernel = startKernel({
    plugins: installedPlugins,
    database,
    logger: pino({ level: 'silent' }),
    dataDir: await mkdtemp(join(tmpdir(), 'ulms-hardening-')),
  });
  institution = await kernel.services.get(tenancyServices.institutions).create({ code: 'HARD', name: 'Hardening' });
  for (const plugin of kernel.plugins) {
    if (!plugin.core) await kernel.services.get(tenancyServices.modules).enable(institution.id, plugin.id);
  }
  for (const username of ['admin', 'other']) {
    await createStaffUser(kernel.services, {
      institutionId: institution.id,
      primaryId: username,
      ...namesOf(username),
      password: PASSWORD,
      roles: ADMIN_ROLES.map((role) => ({ role })),
    });
  }
  adminDir = await mkdtemp(join(tmpdir(), 'ulms-hardening-admin-'));
  await writeFile(join(adminDir, 'index.html'), '<!doctype html><title>admin</title>');
  url = await startServer();
});
afterAll(async () => {
  for (const server of servers) await server.close();
  // The purge job a test starts runs on: it ends before its database closes.
  await kernel.services.get(jobServices.jobs).stop();
  await database.close();
});

async function signIn(base: string, username = 'admin', password = PASSWORD, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: { institution: 'HARD', username, password } }),
  });
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.split(';')[0];
  if (response.status !== 200 || !cookie)
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookie;
}

async function query(path: string, cookie: string, input?: unknown): Promise<{ status: number; data: unknown }> {
  const response = await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, {
    headers: { cookie },
  });
  const body = (await response.json()) as Json;
  return { status: response.status, data: body['result']?.['data']?.['json'] };
}

async function mutate(
  path: string,
  cookie: string,
  init: { body?: RequestInit['body']; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    headers: { cookie, ...init.headers },
    body: init.body ?? JSON.stringify({ json: null }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const purgeJobs = async (cookie: string) =>
  (
    (await query('platform.jobs.list', cookie, { limit: 50 })).data as {
      type: string;
    }[]
  ).filter((j) => j.type === 'users.purge').length;

describe('tRPC mutations and cross-site requests', () => {
  it('refuses form bodies (multipart, urlencoded, text/plain) and starts nothing', async () => {
    const cookie = await signIn(url);
    const form = new FormData();
    form.set('json', 'null');
    const attacks = [
      { body: form },
      { body: new URLSearchParams({ json: 'null' }) },
      { body: '{"json":null}', headers: { 'content-type': 'text/plain' } },
      {
        body: '{"json":null}',
        headers: { 'content-type': 'application/octet-stream' },
      },
    ];
    for (const attack of attacks) {
      const refused = await mutate('users.purge', cookie, attack);
      expect(refused.status).toBe(415);
      expect(refused.body).toEqual({
        error: {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'tRPC mutations take an application/json body only',
        },
      });
    }
    expect(await purgeJobs(cookie)).toBe(0);
  });

  it("refuses JSON from a page of another origin or site, and takes it from the server's own", async () => {
    const cookie = await signIn(url);
    const json = { 'content-type': 'application/json' };
    const otherPort = url.replace(/:\d+$/, ':1');
    const fromOtherPort = await mutate('users.purge', cookie, {
      headers: { ...json, origin: otherPort },
    });
    expect(fromOtherPort.status).toBe(403);
    expect(fromOtherPort.body['error']['message']).toBe(`a page of ${otherPort} may not call this server's mutations`);
    expect(
      (
        await mutate('users.purge', cookie, {
          headers: { ...json, origin: 'null' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await mutate('users.purge', cookie, {
          headers: { ...json, 'sec-fetch-site': 'same-site' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await mutate('users.purge', cookie, {
          headers: { ...json, 'sec-fetch-site': 'cross-site' },
        })
      ).status,
    ).toBe(403);
    expect(await purgeJobs(cookie)).toBe(0);

    const own = await mutate('users.purge', cookie, {
      headers: { ...json, origin: url, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(200);
    expect(await purgeJobs(cookie)).toBe(1);
  });

  it('takes mutations from the configured public address and allowed origins', async () => {
    const base = await startServer({
      publicUrl: 'https://ulms.example.org/',
      allowedOrigins: ['http://admin.example.org:8080'],
    });
    const cookie = await signIn(base);
    const signOutFrom = async (origin: string) =>
      (
        await fetch(`${base}/trpc/auth.signOut`, {
          method: 'POST',
          headers: { cookie, origin, 'content-type': 'application/json' },
          body: '{}',
        })
      ).status;
    expect(await signOutFrom('http://evil.example.org')).toBe(403);
    expect(await signOutFrom('https://ulms.example.org')).toBe(200);
    expect(await signOutFrom('http://admin.example.org:8080')).toBe(200);
  });

  it('reads ALLOWED_ORIGINS and PUBLIC_URL, refusing malformed values by name', () => {
    expect(allowedOriginsFromEnv(' https://a.example.org/ , http://b.example.org:81')).toEqual([
      'https://a.example.org',
      'http://b.example.org:81',
    ]);
    expect(allowedOriginsFromEnv(undefined)).toEqual([]);
    expect(() => allowedOriginsFromEnv('*')).toThrow('ALLOWED_ORIGINS: "*" is not a URL');
    expect(publicUrlFromEnv('https://ulms.example.org/library/')).toBe('https://ulms.example.org/library');
    expect(publicUrlFromEnv(undefined)).toBeUndefined();
    expect(() => publicUrlFromEnv('ftp://x')).toThrow('PUBLIC_URL: "ftp://x" must start with http:// or https://');
  });
});

describe('changing a password', () => {
  it("ends the account's other sessions and keeps the one that changed it", async () => {
    const here = await signIn(url, 'other');
    const elsewhere = await signIn(url, 'other');
    const changed = await mutate('auth.changePassword', here, {
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({
        json: {
          currentPassword: PASSWORD,
          newPassword: 'a second long password',
        },
      }),
    });
    expect(changed.status).toBe(200);
    expect((await query('auth.session', here)).data).toMatchObject({
      account: { username: 'other' },
    });
    expect((await query('auth.session', elsewhere)).data).toBeNull();
    expect((await query('platform.libraries.list', elsewhere)).status).toBe(401);
    // The admin's sessions are another account's: untouched.
    const admin = await signIn(url);
    expect((await query('auth.session', admin)).data).toMatchObject({
      account: { username: 'admin' },
    });
    await expect(signIn(url, 'other', PASSWORD)).rejects.toThrow('sign-in failed: 401');
    await signIn(url, 'other', 'a second long password');
  });
});

describe('trusting a proxy', () => {
  const sessionIps = async () =>
    (await kernel.services.get(coreServices.prisma).staffSession.findMany({ select: { ip: true } })).map((s) => s.ip);

  it('ignores X-Forwarded-For by default, and believes it with TRUST_PROXY', async () => {
    await signIn(url, 'admin', PASSWORD, { 'x-forwarded-for': '203.0.113.7' });
    expect(await sessionIps()).not.toContain('203.0.113.7');
    const behindProxy = await startServer({ trustProxy: true });
    await signIn(behindProxy, 'admin', PASSWORD, {
      'x-forwarded-for': '203.0.113.8',
    });
    expect(await sessionIps()).toContain('203.0.113.8');
  });

  it('reads TRUST_PROXY: off unless set', () => {
    expect(trustProxyFromEnv(undefined)).toBe(false);
    expect(trustProxyFromEnv('false')).toBe(false);
    expect(trustProxyFromEnv('true')).toBe(true);
    expect(trustProxyFromEnv('2')).toBe(2);
    expect(trustProxyFromEnv('10.0.0.1, 192.168.0.0/16')).toEqual(['10.0.0.1', '192.168.0.0/16']);
    expect(() => trustProxyFromEnv('yes please')).toThrow('TRUST_PROXY must be');
  });
});

describe('the log', () => {
  it('never holds an API key given as ?apikey=', async () => {
    const { key } = await kernel.services
      .get(authServices.apiKeys)
      .create(institution.id, { name: 'log test', role: 'USER_MANAGER' }, null);
    const logLines: string[] = [];
    // Without the admin app, so that Fastify's own 404 handler answers unknown paths.
    const url = await startServer({
      adminDir: join(tmpdir(), 'no-admin-app-here'),
      logLevel: 'info',
      logDestination: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
          done();
        },
      }),
    });
    expect((await fetch(`${url}/almaws/v1/users?limit=1&apikey=${key}`)).status).toBe(200);
    await fetch(`${url}/trpc/platform.libraries.list?apikey=${key}&input=%7B%7D`);
    await fetch(`${url}/almaws/v1/nothing-here?apikey=${key}`);
    await fetch(`${url}/almaws/v1/users?API%6Bey=${key}`);
    // Outside every route: Fastify's own "Route … not found" message quotes the URL.
    await fetch(`${url}/unknown?x=1&apikey=${key}`, { method: 'POST' });
    const log = logLines.join('\n');
    expect(log).toContain('"url":"/almaws/v1/users?limit=1&apikey=[REDACTED]"');
    expect(log).toContain('"url":"/almaws/v1/users?API%6Bey=[REDACTED]"');
    expect(log).toContain('Route POST:/unknown?x=1&apikey=[REDACTED] not found');
    expect(log).not.toContain(key);
    expect(log).not.toContain(key.slice(-20));
  });
});

describe('security headers', () => {
  it('sends CSP, nosniff and frame-ancestors none on the admin app and the APIs', async () => {
    for (const path of ['/', '/users', '/health', '/almaws/v1/openapi.json', '/trpc/auth.session']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBeLessThan(500);
      await response.arrayBuffer(); // read whole, so that no answer is still being sent when the servers close
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      // Plain HTTP: no HSTS, no upgrade of the page's requests to HTTPS.
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
      expect(csp, path).not.toContain('upgrade-insecure-requests');
    }
  });

  it('gives the REST reference page a policy of its own: no scripts, its inline style by hash', async () => {
    const response = await fetch(`${url}/almaws/v1/docs`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('adds HSTS behind TLS', async () => {
    const base = await startServer({ secureCookies: true });
    const response = await fetch(`${base}/health`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=15552000');
  });
});

describe('the OpenAPI document', () => {
  /** GET with a Host header of our choosing (fetch always sends the real one). */
  const getJsonWithHost = (target: string, host: string) =>
    new Promise<Json>((resolve, reject) => {
      const request = httpRequest(target, { headers: { host } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text) as Json));
      });
      request.on('error', reject);
      request.end();
    });

  it('names the configured public address, not the Host header', async () => {
    expect((await getJsonWithHost(`${url}/almaws/v1/openapi.json`, 'attacker.example'))['servers']).toEqual([
      { url: `${url}/almaws/v1` },
    ]);
    const base = await startServer({ publicUrl: 'https://ulms.example.org' });
    expect((await getJsonWithHost(`${base}/almaws/v1/openapi.json`, 'attacker.example'))['servers']).toEqual([
      { url: 'https://ulms.example.org/almaws/v1' },
    ]);
  });
});
