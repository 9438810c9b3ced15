import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { authenticateRequest } from '../auth/request-authenticator.js';
import { authServices } from '../auth/auth-services.js';
import type { ServiceContainer } from '../plugin/service-ref.js';
import { tenancyServices } from '../tenancy/tenancy-services.js';
import type { InstitutionRef, Principal } from '../trpc/request-context.js';
import { ValidationError } from '../errors/domain-errors.js';
import { forbiddenCharacterErrors } from '../errors/forbidden-characters.js';
import {
  formatParameterOf,
  isXmlContentType,
  type RestFormat,
  responseFormatOf,
} from './content-negotiation.js';
import { defaultRestError, invalidInput } from './default-rest-errors.js';
import { openApiDocument } from './openapi-document.js';
import { openApiPage } from './openapi-page.js';
import { createRateLimiter } from './rate-limiter.js';
import {
  errorEnvelope,
  errorEnvelopeXml,
  RestError,
  restErrorCodes as codes,
} from './rest-error.js';
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
  /** Requests per second per institution before 429. */
  readonly rateLimitPerSecond: number;
  /** Largest request body (attachments travel base64-encoded). */
  readonly bodyLimitBytes?: number;
}

const DEFAULT_BODY_LIMIT = 150 * 1024 * 1024;

const queryOf = (request: FastifyRequest) =>
  (request.query ?? {}) as Record<string, unknown>;

function send(
  reply: FastifyReply,
  format: RestFormat,
  result: RestResult,
  shape: XmlShape | undefined,
): FastifyReply {
  reply.code(result.status);
  if (result.body === undefined) return reply.send();
  if (format === 'xml') {
    return reply
      .type('application/xml; charset=utf-8')
      .send(
        toXml(
          result.xmlRoot ?? 'result',
          result.body,
          shape,
          result.xmlRootAttributes,
        ),
      );
  }
  return reply.type('application/json; charset=utf-8').send(result.body);
}

function sendError(
  reply: FastifyReply,
  format: RestFormat,
  error: RestError,
  trackingId: string,
): FastifyReply {
  const envelope = errorEnvelope(error, trackingId);
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
function readXmlBody(
  bytes: Buffer,
  contentType: string | undefined,
  shape: XmlShape | undefined,
): unknown {
  try {
    return fromXml(decodeXmlBody(bytes, contentType), shape).value;
  } catch (error) {
    throw RestError.of(
      400,
      codes.invalidRequest,
      `the XML body cannot be read: ${(error as Error).message}`,
    );
  }
}

/** The request's input as the client wrote it, refused when any value or name holds a character XML 1.0 cannot carry. */
function refuseForbiddenCharacters(
  params: unknown,
  query: unknown,
  body: unknown,
): void {
  const errors = [
    ...forbiddenCharacterErrors(params, 'brackets'),
    ...forbiddenCharacterErrors(query, 'brackets'),
    ...forbiddenCharacterErrors(body, 'brackets'),
  ];
  // The kit's reading, not the module's: these field names are the client's, not the domain's.
  if (errors.length > 0) throw defaultRestError(new ValidationError(errors));
}

function parse<S extends z.ZodType>(
  schema: S | undefined,
  value: unknown,
  where: string,
): unknown {
  if (!schema) return value;
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error, where);
  return result.data;
}

/** Registers every contributed route under `prefix`, with API-key auth, rate limit, module and permission checks, JSON/XML and the error envelope; plus `openapi.json` and `docs`. */
export async function registerRestApi(
  app: FastifyInstance,
  options: RestApiOptions,
): Promise<void> {
  const limiter = createRateLimiter(options.rateLimitPerSecond);
  const baseUrlOf = (request: FastifyRequest) =>
    `${request.protocol}://${request.host}${options.prefix}`;
  const allRoutes = options.contributions.flatMap((c) => c.routes);

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
        apiKeyParameter:
          typeof apiKeyParameter === 'string' ? apiKeyParameter : undefined,
      },
      { apiKeys, sessions },
    );
    if (!principal)
      throw RestError.of(
        401,
        codes.unauthorized,
        'API-key not defined or not configured to allow this API.',
      );
    if (!limiter.allow(principal.institutionId))
      throw RestError.of(
        429,
        codes.perSecondThreshold,
        'HTTP requests are more than allowed per second',
      );
    const institution = await institutions.findById(principal.institutionId);
    if (!institution)
      throw RestError.of(
        401,
        codes.unauthorized,
        'the institution of this API key no longer exists',
      );
    if (!(await modules.isEnabled(institution.id, route.moduleId))) {
      throw RestError.of(
        403,
        codes.unauthorized,
        `module "${route.moduleId}" is not enabled for institution "${institution.code}"`,
      );
    }
    if (!principal.permissions.has(route.permission)) {
      throw RestError.of(
        403,
        codes.unauthorized,
        `the API key lacks the permission "${route.permission}"`,
      );
    }
    return { principal, institution };
  };

  await app.register(
    async (scope) => {
      // Kept as bytes: the handler decodes them by the document's own encoding, after the caller is checked.
      scope.addContentTypeParser(
        ['application/xml', 'text/xml'],
        { parseAs: 'buffer' },
        (_request, body, done) => done(null, body),
      );

      scope.setNotFoundHandler((request, reply) =>
        sendError(
          reply,
          responseFormatOf(request.headers.accept, queryOf(request)['format']),
          RestError.of(
            404,
            codes.notFound,
            `no route ${request.method} ${request.url.split('?')[0]}`,
          ),
          String(request.id),
        ),
      );
      // Fastify's own failures (unreadable JSON, a body over the limit) in the envelope too.
      scope.setErrorHandler(
        (error: Error & { statusCode?: number }, request, reply) => {
          const status =
            error.statusCode &&
            error.statusCode >= 400 &&
            error.statusCode < 500
              ? error.statusCode
              : 500;
          if (status === 500)
            request.log.error({ err: error }, 'REST request failed');
          const restError = RestError.of(
            status,
            status === 500 ? codes.internal : codes.invalidRequest,
            status === 500 ? 'internal error' : error.message,
          );
          return sendError(
            reply,
            responseFormatOf(
              request.headers.accept,
              queryOf(request)['format'],
            ),
            restError,
            String(request.id),
          );
        },
      );

      scope.get('/openapi.json', async (request) =>
        openApiDocument({
          title: options.title,
          version: options.version,
          serverUrl: baseUrlOf(request),
          routes: allRoutes,
        }),
      );
      scope.get('/docs', async (request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .send(
            openApiPage(
              openApiDocument({
                title: options.title,
                version: options.version,
                serverUrl: baseUrlOf(request),
                routes: allRoutes,
              }),
            ),
          ),
      );

      for (const contribution of options.contributions) {
        for (const route of contribution.routes) {
          scope.route({
            method: route.method,
            url: route.path.replace(/\{(\w+)\}/g, ':$1'),
            bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
            handler: async (request, reply) => {
              const format = responseFormatOf(
                request.headers.accept,
                queryOf(request)['format'],
              );
              try {
                formatParameterOf(queryOf(request)['format']);
                const caller = await callerOf(request, route);
                const contentType = request.headers['content-type'];
                const rawBody = !route.body
                  ? undefined
                  : isXmlContentType(contentType) &&
                      Buffer.isBuffer(request.body)
                    ? readXmlBody(
                        request.body,
                        contentType,
                        contribution.xmlShape,
                      )
                    : request.body;
                refuseForbiddenCharacters(
                  request.params,
                  request.query,
                  rawBody,
                );
                const result = await route.handle({
                  ...caller,
                  services: options.services,
                  params: parse(route.params, request.params, ''),
                  query: parse(route.query, request.query, ''),
                  body: route.body
                    ? parse(route.body, rawBody ?? {}, 'body')
                    : undefined,
                  baseUrl: baseUrlOf(request),
                  requestId: String(request.id),
                });
                return send(reply, format, result, contribution.xmlShape);
              } catch (error) {
                const restError =
                  contribution.mapError?.(error) ?? defaultRestError(error);
                if (restError.status >= 500)
                  request.log.error(
                    { err: error, route: route.operationId },
                    'REST request failed',
                  );
                return sendError(reply, format, restError, String(request.id));
              }
            },
          });
        }
      }
    },
    { prefix: options.prefix },
  );
}
