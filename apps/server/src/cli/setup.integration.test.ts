import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeedWanted } from '../seed/demo-seed.js';
import { type RunningApp, startApp } from '../start-app.js';
import { createServerDatabase } from '../testing/server-process.js';
import { buildCli } from './build-cli.js';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const serverUrl = process.env['TEST_DATABASE_URL'];

async function run(...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  await buildCli((line) => lines.push(line), {
    readPassword: async () => '',
  }).parseAsync(['node', 'ulms', ...args]);
  return lines;
}

/** Calls one tRPC procedure over HTTP as the admin app does. */
async function trpc(
  base: string,
  path: string,
  options: { input?: unknown; cookie?: string; mutation?: boolean } = {},
) {
  const url = `${base}/trpc/${path}`;
  const response = await fetch(
    options.mutation ? url : `${url}?input=${encodeURIComponent(JSON.stringify({ json: options.input }))}`,
    {
      method: options.mutation ? 'POST' : 'GET',
      headers: {
        'content-type': 'application/json',
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
      body: options.mutation ? JSON.stringify({ json: options.input }) : undefined,
    },
  );
  const body = (await response.json()) as {
    result?: { data: { json: unknown } };
    error?: { json: { message: string } };
  };
  return {
    status: response.status,
    cookie: response.headers.get('set-cookie')?.split(';')[0],
    data: body.result?.data.json,
    message: body.error?.json.message,
  };
}

/**
 * Runs `npm start`'s entry point until it listens, then stops it, and gives what it printed. The environment
 * is the operator's: SEED_DEMO and DATABASE_URL only when given.
 */
async function startOnce(env: Record<string, string>): Promise<{ stdout: string; url: string }> {
  const inherited = { ...process.env };
  for (const name of ['SEED_DEMO', 'DATABASE_URL', 'WORKERS']) delete inherited[name];
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ADMIN_DIR: join(tmpdir(), 'no-admin-build'),
      DATA_DIR: join(tmpdir(), 'ulms-setup-test-files'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (message: { ulms?: string; url: string }) => {
      if (message.ulms === 'listening') resolve(message.url);
    });
    void exited.then((code) => reject(new Error(`the server stopped (${code}): ${stderr}`)));
  });
  // The sign-in lines follow the "listening" message; a moment for them to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  return { stdout, url };
}

describe('whether the demo is seeded', () => {
  it('seeds on the embedded database unless SEED_DEMO=false, and on a server only with SEED_DEMO=true', () => {
    const pglite = { kind: 'pglite', dataDir: '/tmp/x' } as const;
    const server = { kind: 'postgres', url: 'postgresql://x/y' } as const;
    expect(demoSeedWanted({}, pglite)).toBe(true);
    expect(demoSeedWanted({ SEED_DEMO: 'false' }, pglite)).toBe(false);
    expect(demoSeedWanted({}, server)).toBe(false);
    expect(demoSeedWanted({ SEED_DEMO: 'false' }, server)).toBe(false);
    expect(demoSeedWanted({ SEED_DEMO: 'true' }, server)).toBe(true);
  });

  it('prints the demo sign-in on the first start of the embedded database only', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ulms-first-start-'));
    const first = await startOnce({ PGLITE_DATA_DIR: dataDir });
    expect(first.stdout).toContain('Sign in to institution DEMO as "admin" with password "demo-admin-2026"');
    const second = await startOnce({ PGLITE_DATA_DIR: dataDir });
    expect(second.stdout).not.toContain('password');
    expect(second.stdout).not.toContain('demo-admin-2026');
  }, 180_000);

  it.runIf(serverUrl)(
    'does not seed a PostgreSQL server unless asked, and prints nothing secret',
    async () => {
      const database = await createServerDatabase(serverUrl ?? '', 'ulms_no_demo');
      try {
        const plain = await startOnce({ DATABASE_URL: database.url });
        expect(plain.stdout).not.toContain('password');
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        const count = async () =>
          (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Institution" WHERE code = 'DEMO'`))
            .rows[0]?.n;
        expect(await count()).toBe(0);
        const asked = await startOnce({
          DATABASE_URL: database.url,
          SEED_DEMO: 'true',
        });
        expect(asked.stdout).toContain('Sign in to institution DEMO as "admin"');
        expect(await count()).toBe(1);
        await client.end();
      } finally {
        await database.drop();
      }
    },
    180_000,
  );
});

describe('ulms setup', () => {
  let dataDir: string;
  let app: RunningApp | undefined;

  beforeAll(async () => {
    delete process.env['DATABASE_URL'];
    dataDir = await mkdtemp(join(tmpdir(), 'ulms-setup-'));
    process.env['PGLITE_DATA_DIR'] = dataDir;
  });
  afterAll(() => app?.stop());

  it('migrates a fresh database, creates the institution and its administrator, and prints a password once', async () => {
    const lines = await run('setup', '--institution', 'UNI', '--name', 'University Library', '--username', 'chief');
    expect(lines[0]).toMatch(/^applied: 0001_platform/);
    expect(lines.slice(1, 3)).toEqual([
      'created institution UNI (University Library) with modules users, fines, blocks, proxies, letters, sis, courses',
      'created administrator "chief" with roles GENERAL_SYSTEM_ADMINISTRATOR, USER_ADMINISTRATOR',
    ]);
    expect(lines[3]).toMatch(/^password: [A-Za-z0-9_-]{20}$/);
    expect(lines[4]).toContain('a new password must be chosen at the first sign-in');
    const password = lines[3]?.slice('password: '.length) ?? '';

    await expect(run('setup', '--institution', 'UNI', '--name', 'Again')).rejects.toThrow(
      'institution "UNI" exists already: setup is for a new institution; add staff to it with "ulms staff create"',
    );

    app = await startApp(
      {
        port: 0,
        host: '127.0.0.1',
        database: { kind: 'pglite', dataDir },
        adminDir: join(tmpdir(), 'no-admin-build'),
        dataDir: join(dataDir, 'files'),
        logLevel: 'silent',
        secureCookies: false,
      },
      { seedDemo: false },
    );
    const signIn = await trpc(app.url, 'auth.signIn', {
      mutation: true,
      input: { institution: 'UNI', username: 'chief', password },
    });
    expect(signIn.data).toEqual({ status: 'passwordChangeRequired' });
    const cookie = signIn.cookie ?? '';
    const before = await trpc(app.url, 'platform.modules.list', { cookie });
    expect(before.status).toBe(403);
    expect(before.message).toMatch(/password/);

    const changed = await trpc(app.url, 'auth.changePassword', {
      mutation: true,
      cookie,
      input: {
        currentPassword: password,
        newPassword: 'the administrator chose this',
      },
    });
    expect(changed.status).toBe(200);
    const after = await trpc(app.url, 'platform.modules.list', { cookie });
    expect(after.status).toBe(200);
    expect(after.data).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'users', enabled: true })]));
  }, 120_000);
});
