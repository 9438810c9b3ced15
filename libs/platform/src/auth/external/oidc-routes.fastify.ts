// The cookie helpers on requests and replies come from @fastify/cookie, which the host registers.
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, NotFoundError } from '../../errors/domain-errors.js';
import type { ServiceContainer } from '../../plugin/service-ref.js';
import type { HttpExchange } from '../../trpc/request-context.js';
import { authServices } from '../auth-services.js';
import { externalAuthServices } from './external-auth-services.js';
import { tenancyServices } from '../../tenancy/tenancy-services.js';
import { OIDC_FLOW_COOKIE, OIDC_FLOW_TTL_MS } from './oidc-flow-cookie.js';

/** Where the provider sends the browser back to; register `<PUBLIC_URL>/auth/oidc/callback` with the provider. */
export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';

/** Where the admin app's sign-in page is, and what it is told when an external sign-in failed. */
const SIGN_IN_FAILED_PATH = '/sign-in?external=failed';
const ADMIN_HOME_PATH = '/';
const FLOW_COOKIE_PATH = '/auth/oidc/';

export interface OidcRoutesOptions {
  readonly services: ServiceContainer;
  /** `PUBLIC_URL`: the redirect URI is built from it; from the request's own address when not given. */
  readonly publicUrl?: string;
  /** The flow cookie is sent over HTTPS only, as the session cookie is. */
  readonly secureCookies: boolean;
  /** How the host sets its session cookie on a reply (the same as tRPC's `auth.signIn` uses). */
  exchange(request: FastifyRequest, reply: FastifyReply): HttpExchange;
}

/**
 * Sign-in at an institution's OpenID Connect provider over plain browser redirects:
 * `GET /auth/oidc/:institutionCode/start` sends the browser to the provider with a sealed flow cookie, and
 * `GET /auth/oidc/callback` finishes there, opens a session, sets the session cookie and goes to the admin app.
 * Any failure goes back to the sign-in page (`/sign-in?external=failed`) and is logged with its cause.
 */
export async function registerOidcRoutes(app: FastifyInstance, options: OidcRoutesOptions): Promise<void> {
  const { services } = options;
  const oidc = () => services.get(externalAuthServices.oidc);
  const sessions = () => services.get(authServices.sessions);
  const flowCookieOptions = {
    path: FLOW_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secureCookies,
  };
  const redirectUriOf = (request: FastifyRequest): string =>
    `${options.publicUrl ?? `${request.protocol}://${request.host}`}${OIDC_CALLBACK_PATH}`;

  const fail = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    if (error instanceof DomainError) request.log.info({ reason: error.message }, 'external sign-in refused');
    else request.log.error({ err: error }, 'external sign-in failed');
    reply.clearCookie(OIDC_FLOW_COOKIE, flowCookieOptions);
    return reply.redirect(SIGN_IN_FAILED_PATH, 302);
  };

  app.get<{ Params: { institutionCode: string } }>('/auth/oidc/:institutionCode/start', async (request, reply) => {
    try {
      const institution = await services
        .get(tenancyServices.institutions)
        .findByCodeAnyCase(request.params.institutionCode);
      if (!institution) throw new NotFoundError(`institution "${request.params.institutionCode}"`);
      const { authorizationUrl, flowCookie } = await oidc().start(institution.id, redirectUriOf(request));
      reply.setCookie(OIDC_FLOW_COOKIE, flowCookie, { ...flowCookieOptions, maxAge: OIDC_FLOW_TTL_MS / 1000 });
      return reply.redirect(authorizationUrl.href, 302);
    } catch (error) {
      return fail(request, reply, error);
    }
  });

  app.get(OIDC_CALLBACK_PATH, async (request, reply) => {
    try {
      const callbackUrl = new URL(redirectUriOf(request));
      callbackUrl.search = new URL(request.url, 'http://callback').search;
      const { institutionId, subject } = await oidc().finish(request.cookies[OIDC_FLOW_COOKIE] ?? '', callbackUrl);
      const exchange = options.exchange(request, reply);
      const issued = await sessions().startFor(institutionId, subject, {
        ip: exchange.ip,
        userAgent: exchange.userAgent,
      });
      exchange.setSessionCookie(issued.token, issued.expiresAt);
      reply.clearCookie(OIDC_FLOW_COOKIE, flowCookieOptions);
      return reply.redirect(ADMIN_HOME_PATH, 302);
    } catch (error) {
      return fail(request, reply, error);
    }
  });
}
