import Fastify from 'fastify';
import type { BuiltInRole } from '../contracts/roles.js';
import { authServices } from '../auth/auth-services.js';
import { registerRestApi } from '../http/rest-fastify.adapter.js';
import { longestPathParameter } from '../http/rest-path-parameters.js';
import type { RestContribution } from '../http/rest-route.js';
import type { AnyPlugin } from '../plugin/plugin-definition.js';
import type { TestApi } from './start-test-api.js';

/** The Alma-format REST API of a test kernel, served over real HTTP on a free port. */
export interface RestTestServer {
  /** `http://127.0.0.1:PORT/almaws/v1`. */
  readonly base: string;
  /** Creates an API key of the test institution with a role's or these permissions. */
  createKey(options: { role?: BuiltInRole; permissions?: string[] }): Promise<string>;
  /** Stops the HTTP server (the test API is closed by its owner). */
  close(): Promise<void>;
}

/** Serves the REST routes of `plugins` (those that have any) for `api`'s kernel, as the server app does. */
export async function serveRestForTest(
  api: TestApi<readonly AnyPlugin[]>,
  plugins: readonly AnyPlugin[],
  options: { rateLimitPerSecond?: number } = {},
): Promise<RestTestServer> {
  const contributions = plugins.flatMap((p): RestContribution[] => (p.http ? [p.http] : []));
  const app = Fastify({ logger: false, routerOptions: { maxParamLength: longestPathParameter(contributions) } });
  await registerRestApi(app, {
    prefix: '/almaws/v1',
    title: 'test',
    version: 'v1',
    services: api.kernel.services,
    contributions,
    rateLimitPerSecond: options.rateLimitPerSecond ?? 1000,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    base: `${url}/almaws/v1`,
    async createKey({ role, permissions = [] }) {
      const created = await api.kernel.services
        .get(authServices.apiKeys)
        .create(api.institution.id, { name: 'test key', role, permissions }, null);
      return created.key;
    },
    close: () => app.close(),
  };
}
