import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  authServices,
  type BuiltInRole,
  builtInRoleCodes,
  type InstitutionRef,
  type Kernel,
  migrationsDir,
  readMigrations,
  startKernel,
  tenancyServices,
} from '@ulms/platform';
import { openTestDatabase } from '@ulms/platform/testing';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { appRouter } from '../app-router.js';
import { installedPlugins } from '../installed-plugins.js';
import { buildServer, SESSION_COOKIE } from './build-server.js';
import { createStaffUser, namesOf } from '../staff/create-staff-user.js';

/** An institution of the test server with every installed module on, a signed-in-able administrator and a key. */
export interface TestServerInstitution {
  readonly institution: InstitutionRef;
  /** A staff member holding every shipped staff role. */
  readonly admin: {
    readonly institution: string;
    readonly username: string;
    readonly password: string;
  };
  /** An API key with USER_MANAGER's permissions. */
  readonly userManagerKey: string;
}

/** The whole server (every installed plugin, the app router, REST) on a fresh test database, over real HTTP. */
export interface TestServer {
  readonly kernel: Kernel;
  readonly server: FastifyInstance;
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly first: TestServerInstitution;
  /** Another institution, set up as `first` is. */
  addInstitution(): Promise<TestServerInstitution>;
  /** Signs `admin` in over HTTP and gives the session cookie (`name=value`). */
  signIn(admin: TestServerInstitution['admin']): Promise<string>;
  close(): Promise<void>;
}

/** Every shipped staff role: the administrator of a test server may do anything a staff member can. */
export const ADMIN_ROLES: readonly BuiltInRole[] = builtInRoleCodes.filter((role) => role !== 'PATRON');
let counter = 0;

/** Starts `buildServer` as the application does, on PGlite in memory or a fresh database of `TEST_DATABASE_URL`'s server. */
export async function startTestServer(): Promise<TestServer> {
  const database = await openTestDatabase();
  const kernel = startKernel({
    plugins: installedPlugins,
    database,
    logger: pino({ level: 'silent' }),
    dataDir: await mkdtemp(join(tmpdir(), 'ulms-test-server-')),
  });
  const server = await buildServer({
    kernel,
    database,
    router: appRouter,
    migrations: await readMigrations(migrationsDir),
    // TEST_SERVER_LOG_LEVEL=error shows what a failing request logged.
    logLevel: process.env['TEST_SERVER_LOG_LEVEL'] ?? 'silent',
    restRateLimit: 1_000_000,
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });

  const addInstitution = async (): Promise<TestServerInstitution> => {
    counter += 1;
    const code = `SRV_${counter}_${Math.random().toString(36).slice(2, 8)}`;
    const institution = await kernel.services
      .get(tenancyServices.institutions)
      .create({ code, name: `Test server institution ${counter}` });
    for (const plugin of kernel.plugins)
      if (!plugin.core) await kernel.services.get(tenancyServices.modules).enable(institution.id, plugin.id);
    const admin = {
      institution: code,
      username: 'admin',
      password: `a long test password ${counter}`,
    };
    await createStaffUser(kernel.services, {
      institutionId: institution.id,
      primaryId: admin.username,
      ...namesOf(`Administrator ${counter}`),
      password: admin.password,
      roles: ADMIN_ROLES.map((role) => ({ role })),
    });
    const { key } = await kernel.services
      .get(authServices.apiKeys)
      .create(institution.id, { name: 'test', role: 'USER_MANAGER' }, null);
    return { institution, admin, userManagerKey: key };
  };

  const signIn = async (admin: TestServerInstitution['admin']) => {
    const response = await fetch(`${url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: admin }),
    });
    const cookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
      ?.split(';')[0];
    if (response.status !== 200 || !cookie)
      throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    return cookie;
  };

  return {
    kernel,
    server,
    url,
    first: await addInstitution(),
    addInstitution,
    signIn,
    async close() {
      await server.close();
      await database.close();
    },
  };
}
