import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));

/** A statement on the PostgreSQL server of `TEST_DATABASE_URL`, outside any test database. */
export async function onTestServer(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server, and how to drop it. */
export async function createServerDatabase(serverUrl: string, prefix: string) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await onTestServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onTestServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** The server started as an operator would, with an IPC channel to hear when every process listens. */
export function startServerProcess(env: Record<string, string>): {
  child: ChildProcess;
  listening: Promise<{ url: string; processes: number }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const listening = new Promise<{ url: string; processes: number }>((resolve, reject) => {
    child.on('message', (message: { ulms?: string; url: string; processes: number }) => {
      if (message.ulms === 'listening') resolve(message);
    });
    child.on('exit', (code) => reject(new Error(`the server stopped (${code}): ${stderr}`)));
  });
  listening.catch(() => undefined);
  return { child, listening };
}
