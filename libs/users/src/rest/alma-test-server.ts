import { type AnyPlugin, authServices, type BuiltInRole, longestPathParameter, registerRestApi } from '@ulms/platform';
import { startTestApi, type TestApi, type TestInstitutionOptions } from '@ulms/platform/testing';
import Fastify from 'fastify';
import { usersPlugin } from '../server/users.plugin.js';

/** A running REST API for tests: real HTTP on a free port, with an API key of the test institution. */
export interface AlmaTestServer {
  readonly api: TestApi<[typeof usersPlugin]>;
  /** `http://127.0.0.1:PORT/almaws/v1`. */
  readonly base: string;
  /** A key holding USER_MANAGER's permissions in `api.institution`. */
  readonly key: string;
  /** Creates another key of the test institution. */
  createKey(options: { role?: BuiltInRole; permissions?: string[] }): Promise<string>;
  close(): Promise<void>;
}

/** Starts the users module's REST routes on a fresh test database (PGlite, or TEST_DATABASE_URL's server), with `plugins` installed beside it. */
export async function startAlmaTestServer(
  options: {
    rateLimitPerSecond?: number;
    institution?: TestInstitutionOptions;
    plugins?: readonly AnyPlugin[];
  } = {},
): Promise<AlmaTestServer> {
  const api = (await startTestApi({
    plugins: [usersPlugin, ...(options.plugins ?? [])],
    institution: { modules: ['users'], ...options.institution },
  })) as unknown as TestApi<[typeof usersPlugin]>;
  const contributions = usersPlugin.http ? [usersPlugin.http] : [];
  const app = Fastify({
    logger: false,
    routerOptions: { maxParamLength: longestPathParameter(contributions) },
  });
  await registerRestApi(app, {
    prefix: '/almaws/v1',
    title: 'test',
    version: 'v1',
    services: api.kernel.services,
    contributions,
    rateLimitPerSecond: options.rateLimitPerSecond ?? 1000,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const createKey = async ({ role, permissions = [] }: { role?: BuiltInRole; permissions?: string[] }) =>
    (
      await api.kernel.services
        .get(authServices.apiKeys)
        .create(api.institution.id, { name: 'test key', role, permissions }, null)
    ).key;
  return {
    api,
    base: `${url}/almaws/v1`,
    key: await createKey({ role: 'USER_MANAGER' }),
    createKey,
    async close() {
      await app.close();
      await api.close();
    },
  };
}
