import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { AnyTRPCRouter } from '@trpc/server';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { Database, HttpExchange, Kernel, MigrationFile, Principal } from '@ulms/platform';
import { authenticateRequest, authServices, coreServices, migrationStatus, rateLimitFromEnv, registerRestApi } from '@ulms/platform';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'ulms_session';

/** Finds who is calling from a request; null when nobody is signed in. */
export type Authenticate = (request: FastifyRequest) => Promise<Principal | null>;

export interface BuildServerOptions {
  readonly kernel: Kernel;
  readonly database: Database;
  readonly router: AnyTRPCRouter;
  readonly migrations: readonly MigrationFile[];
  /** Replaces API-key and session sign-in (tests use it to stand in for a signed-in caller). */
  readonly authenticate?: Authenticate;
  /** Sends the session cookie only over HTTPS; on whenever the server sits behind TLS. */
  readonly secureCookies?: boolean;
  /** The built admin app; served at `/` when present. */
  readonly adminDir?: string;
  readonly logLevel?: string;
  /** Requests per second per institution on the REST API; `ALMA_API_RATE_LIMIT` (default 1000) when not given. */
  readonly restRateLimit?: number;
}

/** Where the plugins' REST routes are served (the reference's path, so existing scripts keep working). */
export const REST_PREFIX = '/almaws/v1';

function httpExchange(request: FastifyRequest, reply: FastifyReply, secure: boolean): HttpExchange {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
  return {
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    sessionToken: request.cookies[SESSION_COOKIE],
    setSessionCookie: (token, expiresAt) => {
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
    },
    clearSessionCookie: () => {
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
    },
  };
}

/** The HTTP host: `/trpc` (batched), `/health`, the plugins' REST routes under `/almaws/v1`, and the admin app as static files. */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  });

  // Responses finished during shutdown close their connection, so close() is not kept waiting by keep-alive.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  await app.register(fastifyCookie);
  const authenticate: Authenticate =
    options.authenticate ??
    ((request) =>
      authenticateRequest(
        {
          authorization: request.headers.authorization,
          apiKeyParameter: (request.query as Record<string, string | undefined>)['apikey'],
          sessionToken: request.cookies[SESSION_COOKIE],
        },
        {
          apiKeys: options.kernel.services.get(authServices.apiKeys),
          sessions: options.kernel.services.get(authServices.sessions),
        },
      ));

  app.get('/health', async (_request, reply) => {
    try {
      await options.database.sql.query('SELECT 1');
      const migrations = await migrationStatus(options.database.sql, [...options.migrations]);
      const healthy = migrations.current;
      return reply.code(healthy ? 200 : 503).send({
        status: healthy ? 'ok' : 'degraded',
        database: 'up',
        migrations,
      });
    } catch (error) {
      app.log.error({ err: error }, 'health check failed');
      return reply.code(503).send({ status: 'down', database: 'unreachable' });
    }
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: options.router,
      createContext: async ({ req, res }: { req: FastifyRequest; res: FastifyReply }) => ({
        services: options.kernel.services,
        principal: await authenticate(req),
        requestId: String(req.id),
        http: httpExchange(req, res, options.secureCookies ?? false),
      }),
      onError: ({ error, path }: { error: Error & { code?: string }; path?: string }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') app.log.error({ err: error, path }, 'procedure failed');
      },
    },
  });

  await registerRestApi(app, {
    prefix: REST_PREFIX,
    title: 'ULMS REST API (Alma format)',
    version: 'v1',
    services: options.kernel.services,
    contributions: options.kernel.services.get(coreServices.plugins).flatMap((plugin) => (plugin.http ? [plugin.http] : [])),
    rateLimitPerSecond: options.restRateLimit ?? rateLimitFromEnv(),
  });

  if (options.adminDir && existsSync(options.adminDir)) {
    await app.register(fastifyStatic, { root: options.adminDir, wildcard: false });
    // The admin app routes in the browser: unknown GETs outside the APIs get its index page.
    app.setNotFoundHandler((request, reply) => {
      const isApi = /^\/(trpc|almaws|health)(\/|$)/.test(request.url);
      if (request.method === 'GET' && !isApi) return reply.sendFile('index.html');
      return reply.code(404).send({ error: 'not found' });
    });
  }
  return app;
}
