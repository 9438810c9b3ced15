import type { AnyPlugin, BuiltInRole } from '@ulms/platform';
import { serveRestForTest, startTestApi, type TestApi, type TestInstitutionOptions } from '@ulms/platform/testing';
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
  const rest = await serveRestForTest(api, [usersPlugin], options);
  return {
    api,
    base: rest.base,
    key: await rest.createKey({ role: 'USER_MANAGER' }),
    createKey: rest.createKey,
    async close() {
      await rest.close();
      await api.close();
    },
  };
}
