import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverConfigFromEnv } from '../config.js';
import { type RunningApp, startApp } from '../start-app.js';

// `npx ulms …` while `npm start` holds the embedded database: the CLI works through the running server.

const cli = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
// By its path, so that the CLI can start from any folder.
const tsx = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs'),
).href;

let folder: string;
let app: RunningApp | null = null;
const env = () => ({
  PGLITE_DATA_DIR: join(folder, 'pglite'),
  DATA_DIR: join(folder, 'files'),
});

/** Runs the operator CLI as a separate process, as an operator would. */
function ulms(
  args: string[],
  stdin = '',
  cwd = process.cwd(),
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', tsx, cli, ...args], {
      cwd,
      env: { ...process.env, ...env(), DATABASE_URL: '', LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(stdin);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ulms-operator-'));
  const config = serverConfigFromEnv({
    ...env(),
    PORT: '0',
    LOG_LEVEL: 'warn',
    ADMIN_DIR: folder,
  });
  app = await startApp(config, { seedDemo: true });
}, 60_000);
afterAll(async () => {
  await app?.stop();
  await rm(folder, { recursive: true, force: true });
});

describe('the CLI while the server runs on the embedded database', () => {
  it('mints an API key that works at once, through the running server', async () => {
    const result = await ulms([
      'apikey',
      'create',
      '--institution',
      'DEMO',
      '--name',
      'curl',
      '--role',
      'USER_MANAGER',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const key = result.stdout.match(/ulms_[A-Za-z0-9_-]+/)?.[0];
    expect(key).toBeDefined();
    const response = await fetch(`${app?.url}/almaws/v1/users?limit=1`, {
      headers: { authorization: `apikey ${key}` },
    });
    expect(response.status).toBe(200);
  }, 60_000);

  it('reads a password from standard input and reports an operator’s mistake with its exit code', async () => {
    const created = await ulms(
      ['staff', 'create', '--institution', 'DEMO', '--username', 'night-desk', '--display-name', 'Night desk'],
      'a long enough password 2026\n',
    );
    expect(created.stdout).toContain('created staff user night-desk in DEMO');
    expect(created.code).toBe(0);

    const wrong = await ulms(['apikey', 'create', '--institution', 'NOWHERE', '--name', 'x', '--role', 'USER_MANAGER']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^error: .*NOWHERE/m);
  }, 60_000);

  it('reads a file named relative to where the operator stands, not where the server runs', async () => {
    const here = await mkdtemp(join(tmpdir(), 'ulms-operator-cwd-'));
    await writeFile(
      join(here, 'enrolments.csv'),
      'course_code,section,course_name,term,user_primary_id\nCLI100,01,From the command line,FALL,s1000101\n',
    );
    const result = await ulms(['courses', 'import', 'enrolments.csv', '--institution', 'DEMO', '--dry-run'], '', here);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('processed 1, added 1, kept 0, rejected 0, removed 0, courses created 1');
    await rm(here, { recursive: true, force: true });
  }, 60_000);

  it('opens the database itself once the server has stopped', async () => {
    await app?.stop();
    app = null;
    expect(existsSync(join(folder, 'operator.sock'))).toBe(false);
    const result = await ulms([
      'apikey',
      'create',
      '--institution',
      'DEMO',
      '--name',
      'offline',
      '--role',
      'USER_MANAGER',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ulms_[A-Za-z0-9_-]+/);
  }, 60_000);
});
