import { Transform } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authenticateRequest } from '../auth/request-authenticator.js';
import { authServices } from '../auth/auth-services.js';
import type { ServiceContainer } from '../plugin/service-ref.js';
import { tenancyServices } from '../tenancy/tenancy-services.js';
import type { InstitutionRef, Principal } from '../trpc/request-context.js';
import { ValidationError } from '../errors/domain-errors.js';
import { forbiddenCharacterErrors } from '../errors/forbidden-characters.js';
import { formatParameterOf, isXmlContentType, type RestFormat, responseFormatOf } from './content-negotiation.js';
import { defaultRestError, invalidInput } from './default-rest-errors.js';
import { openApiDocument } from './openapi-document.js';
import { OPENAPI_PAGE_CSP, openApiPage } from './openapi-page.js';
import { longestPathParameter, maxParamLengthOf } from './rest-path-parameters.js';
import { createRestRateLimiter, defaultKeyRateLimit } from './rate-limiter.js';
import { errorEnvelope, errorEnvelopeXml, RestError, restErrorCodes as codes } from './rest-error.js';
import type { RestContribution, RestResult, RestRoute } from './rest-route.js';
import { fromXml, toXml, type XmlShape } from './xml-codec.js';
import { decodeXmlBody } from './xml-encoding.js';

/** Where and how the REST API is served. */
export interface RestApiOptions {
  /** `/almaws/v1` for the Alma-format API. */
  readonly prefix: string;
  readonly title: string;
  readonly version: string;
  readonly services: ServiceContainer;
  readonly contributions: readonly RestContribution[];
  /** Requests per second per institution (all its API keys together) before 429. */
  readonly rateLimitPerSecond: number;
  /** Requests per second per API key before 429; half of `rateLimitPerSecond` when not given. */
  readonly rateLimitPerKeyPerSecond?: number;
  /** Largest request body of a route that does not set its own `bodyLimit` (1 MiB). */
  readonly bodyLimitBytes?: number;
  /**
   * The server's public address (`https://ulms.example.org`), for the OpenAPI document's server and the links
   * in answers; the address the server listens on when not given. Never taken from the request's Host header.
   */
  readonly publicUrl?: string;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;

const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

function send(reply: FastifyReply, format: RestFormat, result: RestResult, shape: XmlShape | undefined): FastifyReply {
  reply.code(result.status);
  if (result.headers) reply.headers(result.headers);
  if (result.body === undefined) return reply.send();
  if (format === 'xml') {
    return reply
      .type('application/xml; charset=utf-8')
      .send(toXml(result.xmlRoot ?? 'result', result.body, shape, result.xmlRootAttributes));
  }
  return reply.type('application/json; charset=utf-8').send(result.body);
}

function sendError(reply: FastifyReply, format: RestFormat, error: RestError, trackingId: string): FastifyReply {
  const envelope = errorEnvelope(error, trackingId);
  // Limits count whole seconds: the next one is open again.
  if (error.status === 429) reply.header('retry-after', '1');
  if (format === 'xml') {
    const { result: _result, ...xmlEnvelope } = envelope;
    return send(
      reply,
      format,
      {
        status: error.status,
        body: xmlEnvelope,
        xmlRoot: errorEnvelopeXml.root,
        xmlRootAttributes: errorEnvelopeXml.attributes,
      },
      {},
    );
  }
  return send(reply, format, { status: error.status, body: envelope }, {});
}

/** An XML body's JSON reading: decoded by its declared encoding, and refused whole unless well-formed. */
function readXmlBody(bytes: Buffer, contentType: string | undefined, shape: XmlShape | undefined): unknown {
  try {
    return fromXml(decodeXmlBody(bytes, contentType), shape).value;
  } catch (error) {
    throw RestError.of(400, codes.invalidRequest, `the XML body cannot be read: ${(error as Error).message}`);
  }
}

/** The request's input as the client wrote it, refused when any value or name holds a character XML 1.0 cannot carry. */
function refuseForbiddenCharacters(params: unknown, query: unknown, body: unknown): void {
  const errors = [
    ...forbiddenCharacterErrors(params, 'brackets'),
    ...forbiddenCharacterErrors(query, 'brackets'),
    ...forbiddenCharacterErrors(body, 'brackets'),
  ];
  // The kit's reading, not the module's: these field names are the client's, not the domain's.
  if (errors.length > 0) throw defaultRestError(new ValidationError(errors));
}

/** Query parameters every route takes: the key and the answer's format. */
const KIT_PARAMETERS = new Set(['apikey', 'format']);

/** A query parameter the route does not take is refused by name, never silently ignored. */
function refuseUnknownParameters(schema: z.ZodType | undefined, query: Record<string, unknown>): void {
  const known = schema instanceof z.ZodObject ? new Set(Object.keys(schema.shape)) : new Set<string>();
  const unknown = Object.keys(query).filter((name) => !known.has(name) && !KIT_PARAMETERS.has(name));
  if (unknown.length > 0)
    throw defaultRestError(
      new ValidationError(unknown.map((name) => ({ field: name, message: 'is not a parameter of this request' }))),
    );
}

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): unknown {
  if (!schema) return value;
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error, where);
  return result.data;
}

// The most any route may take when its limit depends on the institution (a 100 MB attachment, base64).
const MAX_BODY_LIMIT = 150 * 1024 * 1024;

const bodyTooLarge = (limit: number) =>
  RestError.of(413, codes.invalidRequest, `the request body is larger than the ${limit} bytes this route accepts`);

const hasBody = (request: FastifyRequest): boolean =>
  Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;

/** The body stream, failing with 413 as soon as more than `limit` bytes have arrived (chunked bodies too). */
function limitedTo(payload: NodeJS.ReadableStream, limit: number): NodeJS.ReadableStream {
  let received = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      received += chunk.length;
      if (received > limit) {
        const error = Object.assign(
          new Error(`the request body is larger than the ${limit} bytes this route accepts`),
          { statusCode: 413 },
        );
        next(error);
        return;
      }
      next(null, chunk);
    },
  });
  payload.on('error', (error) => counted.destroy(error));
  return payload.pipe(counted);
}

/** Registers every contributed route under `prefix`, with API-key auth, rate limit, module and permission checks, JSON/XML and the error envelope; plus `openapi.json` and `docs`. */
export async function registerRestApi(app: FastifyInstance, options: RestApiOptions): Promise<void> {
  // A parameter longer than Fastify's limit is a 414 before any route runs: the host must allow the longest.
  const longestParameter = longestPathParameter(options.contributions);
  if (maxParamLengthOf(app) < longestParameter) {
    throw new Error(
      `the REST routes take path parameters of up to ${longestParameter} characters: create Fastify with routerOptions.maxParamLength ${longestParameter} (longestPathParameter), not ${maxParamLengthOf(app)}`,
    );
  }
  const limiter = createRestRateLimiter({
    perInstitution: options.rateLimitPerSecond,
    perKey: options.rateLimitPerKeyPerSecond ?? defaultKeyRateLimit(options.rateLimitPerSecond),
  });
  const configuredBase = options.publicUrl ? `${options.publicUrl.replace(/\/+$/, '')}${options.prefix}` : undefined;
  /** The API's own address: configured, else where the server listens (a Host header cannot change it). */
  const baseUrl = (): string => {
    if (configuredBase) return configuredBase;
    const address = app.server.address() as AddressInfo | string | null;
    if (!address || typeof address === 'string') return options.prefix;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}${options.prefix}`;
  };
  const allRoutes = options.contributions.flatMap((c) => c.routes);
  const defaultBodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  /** What onRequest found out about the caller, for the handler. */
  const checked = new WeakMap<
    FastifyRequest,
    { principal: Principal; institution: InstitutionRef; bodyLimit?: number }
  >();

  /** The caller and its institution, or the envelope's reason why not. */
  const callerOf = async (
    request: FastifyRequest,
    route: RestRoute,
  ): Promise<{ principal: Principal; institution: InstitutionRef }> => {
    // Resolved per request: an installation without the auth plugin still starts (and refuses every call).
    const { services } = options;
    const apiKeys = services.get(authServices.apiKeys);
    const sessions = services.get(authServices.sessions);
    const institutions = services.get(tenancyServices.institutions);
    const modules = services.get(tenancyServices.modules);
    const apiKeyParameter = queryOf(request)['apikey'];
    const principal = await authenticateRequest(
      {
        authorization: request.headers.authorization,
        apiKeyParameter: typeof apiKeyParameter === 'string' ? apiKeyParameter : undefined,
      },
      { apiKeys, sessions },
    );
    if (!principal)
      throw RestError.of(401, codes.unauthorized, 'API-key not defined or not configured to allow this API.');
    const refused = limiter.check({
      keyId: `${principal.kind}:${principal.id}`,
      institutionId: principal.institutionId,
    });
    // The reference's words whichever limit was reached (per key or per institution), for the scripts matching them.
    if (refused) throw RestError.of(429, codes.perSecondThreshold, 'HTTP requests are more than allowed per second');
    const institution = await institutions.findById(principal.institutionId);
    if (!institution) throw RestError.of(401, codes.unauthorized, 'the institution of this API key no longer exists');
    if (!(await modules.isEnabled(institution.id, route.moduleId))) {
      throw RestError.of(
        403,
        codes.unauthorized,
        `module "${route.moduleId}" is not enabled for institution "${institution.code}"`,
      );
    }
    if (!principal.permissions.has(route.permission)) {
      throw RestError.of(403, codes.unauthorized, `the API key lacks the permission "${route.permission}"`);
    }
    return { principal, institution };
  };

  await app.register(
    async (scope) => {
      // Kept as bytes: the handler decodes them by the document's own encoding, after the caller is checked.
      scope.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'buffer' }, (_request, body, done) =>
        done(null, body),
      );

      scope.setNotFoundHandler((request, reply) =>
        sendError(
          reply,
          responseFormatOf(request.headers.accept, queryOf(request)['format']),
          RestError.of(404, codes.notFound, `no route ${request.method} ${request.url.split('?')[0]}`),
          String(request.id),
        ),
      );
      // Fastify's own failures (unreadable JSON, a body over the limit) in the envelope too.
      scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
        if (status === 500) request.log.error({ err: error }, 'REST request failed');
        const restError = RestError.of(
          status,
          status === 500 ? codes.internal : codes.invalidRequest,
          status === 500 ? 'internal error' : error.message,
        );
        return sendError(
          reply,
          responseFormatOf(request.headers.accept, queryOf(request)['format']),
          restError,
          String(request.id),
        );
      });

      scope.get('/openapi.json', async () =>
        openApiDocument({
          title: options.title,
          version: options.version,
          serverUrl: baseUrl(),
          routes: allRoutes,
        }),
      );
      scope.get('/docs', async (_request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          // The page's one inline style by its hash; no scripts at all.
          .header('content-security-policy', OPENAPI_PAGE_CSP)
          .send(
            openApiPage(
              openApiDocument({
                title: options.title,
                version: options.version,
                serverUrl: baseUrl(),
                routes: allRoutes,
              }),
            ),
          ),
      );

      for (const contribution of options.contributions) {
        for (const route of contribution.routes) {
          const refuse = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
            const restError = contribution.mapError?.(error) ?? defaultRestError(error);
            if (restError.status >= 500)
              request.log.error({ err: error, route: route.operationId }, 'REST request failed');
            return sendError(
              reply,
              responseFormatOf(request.headers.accept, queryOf(request)['format']),
              restError,
              String(request.id),
            );
          };
          scope.route({
            method: route.method,
            url: route.path.replace(/\{(\w+)\}/g, ':$1'),
            // A route whose limit depends on the institution is held to it in preParsing; this is the ceiling.
            bodyLimit:
              typeof route.bodyLimit === 'number'
                ? route.bodyLimit
                : route.bodyLimit
                  ? MAX_BODY_LIMIT
                  : defaultBodyLimit,
            // The caller is authenticated, rate-limited and checked for the module and permission before any
            // of the body is read, and a declared length over the route's limit is refused then too.
            onRequest: async (request, reply) => {
              try {
                formatParameterOf(queryOf(request)['format']);
                const caller = await callerOf(request, route);
                const limit =
                  typeof route.bodyLimit === 'function'
                    ? await route.bodyLimit({
                        services: options.services,
                        institution: caller.institution,
                      })
                    : undefined;
                checked.set(request, { ...caller, bodyLimit: limit });
                const declared = Number(request.headers['content-length']);
                const max = limit ?? (typeof route.bodyLimit === 'number' ? route.bodyLimit : defaultBodyLimit);
                if (declared > max) throw bodyTooLarge(max);
              } catch (error) {
                // The body is left unread: close the connection rather than read it only to drop it.
                if (hasBody(request)) reply.header('connection', 'close');
                return refuse(request, reply, error);
              }
            },
            preParsing: async (request, _reply, payload) => {
              const limit = checked.get(request)?.bodyLimit;
              return limit === undefined ? payload : limitedTo(payload, limit);
            },
            handler: async (request, reply) => {
              const format = responseFormatOf(request.headers.accept, queryOf(request)['format']);
              try {
                const caller = checked.get(request);
                if (!caller) throw new Error('the caller was not checked');
                const contentType = request.headers['content-type'];
                const rawBody = !route.body
                  ? undefined
                  : isXmlContentType(contentType) && Buffer.isBuffer(request.body)
                    ? readXmlBody(request.body, contentType, contribution.xmlShape)
                    : request.body;
                refuseForbiddenCharacters(request.params, request.query, rawBody);
                refuseUnknownParameters(route.query, queryOf(request));
                const result = await route.handle({
                  principal: caller.principal,
                  institution: caller.institution,
                  services: options.services,
                  params: parse(route.params, request.params, ''),
                  query: parse(route.query, request.query, ''),
                  body: route.body ? parse(route.body, rawBody ?? {}, 'body') : undefined,
                  baseUrl: baseUrl(),
                  requestId: String(request.id),
                  header: (name) => {
                    const value = request.headers[name.toLowerCase()];
                    return Array.isArray(value) ? value.join(', ') : value;
                  },
                });
                return send(reply, format, result, contribution.xmlShape);
              } catch (error) {
                return refuse(request, reply, error);
              }
            },
          });
        }
      }
    },
    { prefix: options.prefix },
  );
}
