import type { FastifyReply, FastifyRequest } from 'fastify';

/** Methods that change nothing (tRPC answers queries over GET only, and refuses a mutation over GET). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfGuardOptions {
  /** The server's public address, whose origin is the server's own. */
  readonly publicUrl?: string;
  /** Other origins whose pages may call mutations. */
  readonly allowedOrigins?: readonly string[];
}

const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';

/** `scheme://host[:port]` as a browser writes it (lower case, no default port); null for `null` or garbage. */
function normalisedOrigin(text: string): string | null {
  try {
    const origin = new URL(text).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  // No keep-alive after a refusal: the body it carried is left unread.
  return reply.code(status).header('connection', 'close').send({ error: { code, message } });
}

/** Where a request says it comes from: the server's own pages, another site's, or it does not say (not a browser). */
function originOf(request: FastifyRequest, allowed: ReadonlySet<string>): 'own' | 'foreign' | 'unknown' {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const from = normalisedOrigin(origin);
    return from && (from === normalisedOrigin(`${request.protocol}://${request.host}`) || allowed.has(from))
      ? 'own'
      : 'foreign';
  }
  // A browser that sent no Origin still says where the request came from.
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return 'foreign';
  return site === 'same-origin' ? 'own' : 'unknown';
}

const allowedOrigins = (options: CsrfGuardOptions): ReadonlySet<string> =>
  new Set(
    [...(options.allowedOrigins ?? []), ...(options.publicUrl ? [options.publicUrl] : [])].flatMap(
      (url) => normalisedOrigin(url) ?? [],
    ),
  );

/**
 * For file uploads, whose `multipart/form-data` body a form of another site can post: the request must show it
 * comes from the server's own pages (Origin, or `Sec-Fetch-Site: same-origin`, which browsers send on every
 * POST), unless it carries an API key, which a page of another site cannot know. Refused with 403.
 */
export function uploadOriginGuard(options: CsrfGuardOptions) {
  const allowed = allowedOrigins(options);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method)) return;
    const from = originOf(request, allowed);
    if (from === 'own') return;
    const query = request.query as Record<string, unknown> | undefined;
    const apiKey = /^apikey\s/i.test(request.headers.authorization ?? '') || typeof query?.['apikey'] === 'string';
    if (from === 'unknown' && apiKey) return;
    return refuse(
      reply,
      403,
      'FORBIDDEN',
      from === 'foreign'
        ? `a page of ${request.headers.origin ?? 'another site'} may not upload files to this server`
        : 'an upload signed in by a session must come from the pages of this server (Origin header)',
    );
  };
}

/**
 * Refuses what a page of another site can make a signed-in browser send: a mutation whose body is not JSON (a
 * form posts `multipart/form-data`, `application/x-www-form-urlencoded` or `text/plain`, and a page cannot
 * send JSON elsewhere without a CORS preflight, which is never granted), and a mutation from a page of another
 * origin. The server's own origin is the one the request was addressed to (its Host, with the scheme), the
 * public address's, and the allowed ones. Callers that are not browsers send no Origin and are not refused.
 */
export function csrfGuard(options: CsrfGuardOptions) {
  const allowed = allowedOrigins(options);

  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (mediaTypeOf(request.headers['content-type']) !== 'application/json') {
      return refuse(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'tRPC mutations take an application/json body only');
    }
    if (originOf(request, allowed) === 'foreign') {
      return refuse(
        reply,
        403,
        'FORBIDDEN',
        request.headers.origin !== undefined
          ? `a page of ${request.headers.origin} may not call this server's mutations`
          : "a page of another site may not call this server's mutations",
      );
    }
  };
}
