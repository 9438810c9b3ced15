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

function refuse(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
) {
  // No keep-alive after a refusal: the body it carried is left unread.
  return reply
    .code(status)
    .header('connection', 'close')
    .send({ error: { code, message } });
}

/**
 * Refuses what a page of another site can make a signed-in browser send: a mutation whose body is not JSON (a
 * form posts `multipart/form-data`, `application/x-www-form-urlencoded` or `text/plain`, and a page cannot
 * send JSON elsewhere without a CORS preflight, which is never granted), and a mutation from a page of another
 * origin. The server's own origin is the one the request was addressed to (its Host, with the scheme), the
 * public address's, and the allowed ones. Callers that are not browsers send no Origin and are not refused.
 */
export function csrfGuard(options: CsrfGuardOptions) {
  const allowed = new Set(
    [
      ...(options.allowedOrigins ?? []),
      ...(options.publicUrl ? [options.publicUrl] : []),
    ].flatMap((url) => normalisedOrigin(url) ?? []),
  );

  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (mediaTypeOf(request.headers['content-type']) !== 'application/json') {
      return refuse(
        reply,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'tRPC mutations take an application/json body only',
      );
    }
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    if (origin !== undefined) {
      const from = normalisedOrigin(origin);
      if (
        from &&
        (from === normalisedOrigin(`${request.protocol}://${request.host}`) ||
          allowed.has(from))
      )
        return;
      return refuse(
        reply,
        403,
        'FORBIDDEN',
        `a page of ${origin} may not call this server's mutations`,
      );
    }
    // A browser that sent no Origin still says where the request came from.
    if (site === 'cross-site' || site === 'same-site') {
      return refuse(
        reply,
        403,
        'FORBIDDEN',
        "a page of another site may not call this server's mutations",
      );
    }
  };
}
