import { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorCode, PayloadTooLargeError, ValidationError } from '../errors/domain-errors.js';
import type { ServiceContainer } from '../plugin/service-ref.js';
import { tenancyServices } from '../tenancy/tenancy-services.js';
import type { InstitutionRef, Principal } from '../trpc/request-context.js';
import { contentDisposition, type FileContribution, type FileRoute, type FileUpload } from './file-route.js';

/** Where and how the file routes are served. */
export interface FileRoutesOptions {
  /** `/files`. */
  readonly prefix: string;
  readonly services: ServiceContainer;
  readonly contributions: readonly FileContribution[];
  /** Finds the caller (session cookie or API key); null when nobody is signed in. */
  authenticate(request: FastifyRequest): Promise<Principal | null>;
  /**
   * Runs first on every upload and refuses (by sending a reply) one a page of another site could have made the
   * browser send: the host's same-origin rule, since a cross-site form can post `multipart/form-data`.
   */
  uploadGuard(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

/** Room for the multipart framing and the text fields around the file, when checking a declared length. */
const MULTIPART_OVERHEAD = 64 * 1024;
const FIELD_MAX_BYTES = 4096;

/** An answer the kit gives itself (refusals before the handler), in the shape of the other refusals. */
class FileRouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const tooLarge = (max: number) => new PayloadTooLargeError(`the file is larger than the ${max} bytes allowed`);

/** The HTTP status of each kind of domain error (those of tRPC's codes, so both APIs of the admin app agree). */
const statusOfDomainError: Record<DomainErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

const codeOfStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** `{ error: { code, message, fieldErrors? } }` with the status of the error; 500 (logged) for anything unknown. */
function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  let status = 500;
  let message = 'internal error';
  let fieldErrors: unknown;
  if (error instanceof FileRouteError) {
    status = error.status;
    message = error.message;
  } else if (error instanceof DomainError) {
    status = statusOfDomainError[error.code];
    message = error.message;
    if (error instanceof ValidationError) fieldErrors = error.fieldErrors;
  } else {
    // @fastify/multipart's own (a malformed body, too many parts) carry their 4xx status.
    const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      status = statusCode;
      message = (error as Error).message;
    }
  }
  if (status >= 500) request.log.error({ err: error }, 'file route failed');
  // A refused upload leaves the rest of its body unread: no keep-alive after it.
  if (!request.raw.readableEnded) reply.header('connection', 'close');
  return reply.code(status).send({
    error: {
      code: codeOfStatus[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'ERROR'),
      message,
      ...(fieldErrors ? { fieldErrors } : {}),
    },
  });
}

const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';

/** The file's bytes, failing with 413 as soon as more than `max` have arrived (busboy stops at `max + 1`). */
async function* limited(file: AsyncIterable<Buffer> & { truncated?: boolean }, max: number): AsyncIterable<Uint8Array> {
  let received = 0;
  for await (const chunk of file) {
    received += chunk.length;
    if (received > max) throw tooLarge(max);
    yield chunk;
  }
  if (file.truncated) throw tooLarge(max);
}

/**
 * Registers the plugins' file routes under `prefix`: the caller (session or API key), its institution, the
 * module and the permission are checked before any of the body is read; an upload is first held to the host's
 * same-origin rule, must be `multipart/form-data` and is refused with 413 when declared or found larger than the
 * route allows. Errors answer `{ error: { code, message, fieldErrors? } }`.
 */
export async function registerFileRoutes(app: FastifyInstance, options: FileRoutesOptions): Promise<void> {
  const checked = new WeakMap<
    FastifyRequest,
    { principal: Principal; institution: InstitutionRef; maxBytes?: number }
  >();

  const check = async (request: FastifyRequest, route: FileRoute) => {
    const { services } = options;
    const principal = await options.authenticate(request);
    if (!principal) throw new FileRouteError(401, 'UNAUTHORIZED', 'sign in first');
    if (principal.mustChangePassword)
      throw new FileRouteError(403, 'FORBIDDEN', 'change your password before anything else');
    const institution = await services.get(tenancyServices.institutions).findById(principal.institutionId);
    if (!institution) throw new FileRouteError(401, 'UNAUTHORIZED', 'the institution of this session no longer exists');
    if (!(await services.get(tenancyServices.modules).isEnabled(institution.id, route.moduleId)))
      throw new FileRouteError(
        403,
        'FORBIDDEN',
        `module "${route.moduleId}" is not enabled for institution "${institution.code}"`,
      );
    if (!principal.permissions.has(route.permission))
      throw new FileRouteError(403, 'FORBIDDEN', `missing permission "${route.permission}"`);
    return { principal, institution };
  };

  await app.register(
    async (scope) => {
      await scope.register(fastifyMultipart, {
        // Each upload sets its own limits; these hold anything else.
        limits: { files: 1, fields: 10, fieldSize: FIELD_MAX_BYTES, parts: 11 },
      });

      for (const contribution of options.contributions) {
        for (const route of contribution.routes) {
          scope.route({
            method: route.method,
            url: route.path.replace(/\{(\w+)\}/g, ':$1'),
            onRequest: async (request, reply) => {
              try {
                if (route.upload) {
                  await options.uploadGuard(request, reply);
                  if (reply.sent) return;
                }
                const caller = await check(request, route);
                let maxBytes: number | undefined;
                if (route.upload) {
                  maxBytes = await route.upload.maxBytes({
                    services: options.services,
                    institution: caller.institution,
                  });
                  if (mediaTypeOf(request.headers['content-type']) !== 'multipart/form-data')
                    throw new FileRouteError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data');
                  const declared = Number(request.headers['content-length']);
                  if (declared > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(maxBytes);
                }
                checked.set(request, { ...caller, maxBytes });
              } catch (error) {
                return sendError(request, reply, error);
              }
            },
            handler: async (request, reply) => {
              try {
                const caller = checked.get(request);
                if (!caller) throw new Error('the caller was not checked');
                let params: unknown = request.params;
                if (route.params) {
                  const parsed = route.params.safeParse(request.params);
                  if (!parsed.success)
                    throw new FileRouteError(
                      404,
                      'NOT_FOUND',
                      `no such ${Object.keys(request.params ?? {}).join(', ')}`,
                    );
                  params = parsed.data;
                }
                let upload: FileUpload | undefined;
                if (route.upload && caller.maxBytes !== undefined) {
                  const allowedFields = route.upload.fields ?? [];
                  const part = await request.file({
                    limits: {
                      // One byte more than allowed, so that too large is told apart from exactly the limit.
                      fileSize: caller.maxBytes + 1,
                      files: 1,
                      fields: allowedFields.length,
                      fieldSize: FIELD_MAX_BYTES,
                      parts: allowedFields.length + 1,
                    },
                  });
                  if (!part) throw ValidationError.of('file', 'is required');
                  const fields: Record<string, string> = {};
                  for (const [name, value] of Object.entries(part.fields)) {
                    if (name === part.fieldname) continue;
                    const entry = Array.isArray(value) ? value[0] : value;
                    if (!entry || entry.type !== 'field') continue;
                    if (!allowedFields.includes(name)) throw ValidationError.of(name, 'is not a field of this upload');
                    if (entry.valueTruncated) throw ValidationError.of(name, `is longer than ${FIELD_MAX_BYTES} bytes`);
                    fields[name] = String(entry.value);
                  }
                  upload = {
                    fileName: part.filename,
                    fields,
                    content: limited(part.file, caller.maxBytes),
                  };
                }
                const result = await route.handle({
                  services: options.services,
                  principal: caller.principal,
                  institution: caller.institution,
                  params,
                  requestId: String(request.id),
                  upload,
                });
                if ('file' in result) {
                  const { file } = result;
                  return reply
                    .code(200)
                    .header('content-type', file.contentType)
                    .header('content-length', String(file.size))
                    .header('content-disposition', contentDisposition(file.fileName))
                    .header('cache-control', 'private, no-store')
                    .send(Readable.from(file.content));
                }
                return reply.code(result.status).send(result.json);
              } catch (error) {
                return sendError(request, reply, error);
              }
            },
          });
        }
      }
    },
    { prefix: options.prefix },
  );
}
