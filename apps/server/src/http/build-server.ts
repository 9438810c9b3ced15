import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { AnyTRPCRouter } from '@trpc/server';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import type { Database, HttpExchange, Kernel, MigrationFile, Principal } from '@ulms/platform';
import {
  authenticateRequest,
  authServices,
  coreServices,
  longestPathParameter,
  keyRateLimitFromEnv,
  migrationStatus,
  rateLimitFromEnv,
  registerFileRoutes,
  registerOidcRoutes,
  registerRestApi,
} from '@ulms/platform';
import { HTTP_MAX_HEADER_BYTES, TRPC_MAX_URL_LENGTH } from '@ulms/platform/contracts';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import { csrfGuard, uploadOriginGuard } from './csrf-guard.js';
import { httpSettingsFromEnv } from './http-settings.js';
import { redactingLoggerOptions } from './log-redaction.js';

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
  /** Requests per second per API key on the REST API; `ALMA_API_KEY_RATE_LIMIT` (default half the institution's). */
  readonly restKeyRateLimit?: number;
  /** Whom to believe about the client's address and scheme; `TRUST_PROXY` (default: nobody) when not given. */
  readonly trustProxy?: boolean | number | string[];
  /** The server's public address; `PUBLIC_URL` when not given, else the address it listens on. */
  readonly publicUrl?: string;
  /** Other origins whose pages may call tRPC mutations; `ALLOWED_ORIGINS` when not given. */
  readonly allowedOrigins?: readonly string[];
  /** Where the log goes (standard output when not given). */
  readonly logDestination?: DestinationStream;
}

/** Where the plugins' REST routes are served (the reference's path, so existing scripts keep working). */
export const REST_PREFIX = '/almaws/v1';

/** Where the plugins' file routes (attachment uploads and downloads as streams) are served. */
export const FILES_PREFIX = '/files';

function httpExchange(request: FastifyRequest, reply: FastifyReply, secure: boolean): HttpExchange {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
  };
  return {
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    sessionToken: request.cookies[SESSION_COOKIE],
    setSessionCookie: (token, expiresAt) => {
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        expires: expiresAt,
      });
    },
    clearSessionCookie: () => {
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
    },
  };
}

/** Fastify's form of the setting: a number of hops becomes "the nearest N". */
const trustProxyOption = (setting: boolean | number | string[]) =>
  typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;

/** The HTTP host: `/trpc` (batched), `/health`, the plugins' REST routes under `/almaws/v1`, and the admin app as static files. */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const fromEnv = httpSettingsFromEnv();
  const publicUrl = options.publicUrl ?? fromEnv.publicUrl;
  const restContributions = options.kernel.services
    .get(coreServices.plugins)
    .flatMap((plugin) => (plugin.http ? [plugin.http] : []));
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      ...redactingLoggerOptions,
      ...(options.logDestination ? { stream: options.logDestination } : {}),
    },
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    // A primary identifier of any allowed length reaches GET /users/{user_id}, and a batch of tRPC calls
    // (`/trpc/a.b,c.d,…`) of any length the admin app sends reaches /trpc (Fastify's own limit is 100).
    routerOptions: {
      maxParamLength: Math.max(longestPathParameter(restContributions), TRPC_MAX_URL_LENGTH),
    },
    http: { maxHeaderSize: HTTP_MAX_HEADER_BYTES },
    trustProxy: trustProxyOption(options.trustProxy ?? fromEnv.trustProxy),
  });

  // Responses finished during shutdown close their connection, so close() is not kept waiting by keep-alive.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  // Security headers on every answer: the admin app's files, the APIs and the errors alike.
  const secure = options.secureCookies ?? false;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        // Users' pictures come from the institution's photo server (HTTPS); the MFA QR code is a data: image.
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    xFrameOptions: { action: 'deny' },
    // HSTS only where the server is reached over TLS: on plain HTTP it would pin the host to HTTPS.
    strictTransportSecurity: secure ? { maxAge: 15_552_000, includeSubDomains: false } : false,
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

  await app.register(async (trpcScope) => {
    // Mutations only as JSON and only from the server's own pages (or ALLOWED_ORIGINS): no cross-site forms.
    trpcScope.addHook(
      'onRequest',
      csrfGuard({
        publicUrl,
        allowedOrigins: options.allowedOrigins ?? fromEnv.allowedOrigins,
      }),
    );
    await trpcScope.register(fastifyTRPCPlugin, {
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
  });

  // Sign-in at an institution's OpenID Connect provider: /auth/oidc/:institutionCode/start and /auth/oidc/callback.
  await registerOidcRoutes(app, {
    services: options.kernel.services,
    publicUrl,
    secureCookies: secure,
    exchange: (request, reply) => httpExchange(request, reply, secure),
  });

  const restRateLimit = options.restRateLimit ?? rateLimitFromEnv();
  await registerRestApi(app, {
    prefix: REST_PREFIX,
    title: 'ULMS REST API (Alma format)',
    version: 'v1',
    services: options.kernel.services,
    contributions: restContributions,
    rateLimitPerSecond: restRateLimit,
    rateLimitPerKeyPerSecond: options.restKeyRateLimit ?? keyRateLimitFromEnv(process.env, restRateLimit),
    publicUrl,
  });

  await registerFileRoutes(app, {
    prefix: FILES_PREFIX,
    services: options.kernel.services,
    contributions: options.kernel.services
      .get(coreServices.plugins)
      .flatMap((plugin) => (plugin.files ? [plugin.files] : [])),
    authenticate,
    // Uploads from the server's own pages only (or ALLOWED_ORIGINS), as tRPC mutations.
    uploadGuard: uploadOriginGuard({
      publicUrl,
      allowedOrigins: options.allowedOrigins ?? fromEnv.allowedOrigins,
    }),
  });

  if (options.adminDir && existsSync(options.adminDir)) {
    await app.register(fastifyStatic, {
      root: options.adminDir,
      wildcard: false,
    });
    // The admin app routes in the browser: unknown GETs outside the APIs get its index page.
    app.setNotFoundHandler((request, reply) => {
      const isApi = /^\/(trpc|almaws|files|health)(\/|$)/.test(request.url);
      if (request.method === 'GET' && !isApi) return reply.sendFile('index.html');
      return reply.code(404).send({ error: 'not found' });
    });
  }
  return app;
}
