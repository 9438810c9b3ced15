import type { TRPCRouterRecord } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import {
  changePasswordInput,
  confirmMfaInput,
  createApiKeyInput,
  disableMfaInput,
  revokeApiKeyInput,
  signInInput,
  verifyMfaInput,
} from '../contracts/auth.schema.js';
import { authPermissions as can } from '../contracts/platform-permissions.js';
import { builtInRoleCodes, builtInRoles } from '../contracts/roles.js';
import { ForbiddenError, UnauthorizedError } from '../errors/domain-errors.js';
import { coreServices } from '../plugin/core-services.js';
import type { HttpExchange, RequestContext } from '../trpc/request-context.js';
import { authedProcedure, protectedProcedure, publicProcedure } from '../trpc/trpc.js';
import { authServices } from './auth-services.js';
import { signInOptionsFor, signInOptionsInput } from './external/sign-in-options.js';
import type { CredentialOwner } from './credential.service.js';
import { permissionsOfRoles } from './role-permissions.js';

const AUTH = 'auth';

/** The HTTP exchange of a call; a call without one (a server-side caller) is a transport matter, refused as such. */
function httpOf(ctx: RequestContext): HttpExchange {
  if (!ctx.http)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'sessions exist only over HTTP',
    });
  return ctx.http;
}

function sessionTokenOf(ctx: RequestContext): string {
  const token = httpOf(ctx).sessionToken;
  if (!token) throw new UnauthorizedError('sign in first');
  return token;
}

/** The signed-in person whose password or second factor a call changes: only a session has one. */
function credentialOwnerOf(ctx: RequestContext): CredentialOwner {
  const principal = ctx.principal;
  if (principal?.kind !== 'staff' || !principal.loginName) {
    throw new ForbiddenError('only a signed-in person has a password');
  }
  return { id: principal.id, institutionId: principal.institutionId, loginName: principal.loginName };
}

/** Sign-in and the caller's own account (public or signed-in only), and the administration of keys. */
export const authRouter = {
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const http = httpOf(ctx);
    const issued = await ctx.services
      .get(authServices.sessions)
      .signIn(input, { ip: http.ip, userAgent: http.userAgent });
    http.setSessionCookie(issued.token, issued.expiresAt);
    return issued.result;
  }),
  verifyMfa: publicProcedure.input(verifyMfaInput).mutation(async ({ ctx, input }) => {
    const http = httpOf(ctx);
    const issued = await ctx.services.get(authServices.sessions).verifyMfa(sessionTokenOf(ctx), input.code, {
      ip: http.ip,
      userAgent: http.userAgent,
    });
    http.setSessionCookie(issued.token, issued.expiresAt);
    return issued.result;
  }),
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    const http = httpOf(ctx);
    if (http.sessionToken) await ctx.services.get(authServices.sessions).signOut(http.sessionToken);
    http.clearSessionCookie();
  }),
  /** How the institution's people sign in: the password form, and its identity provider's button if any. */
  signInOptions: publicProcedure
    .input(signInOptionsInput)
    .query(({ ctx, input }) => signInOptionsFor(ctx.services, input.institution)),
  session: publicProcedure.query(({ ctx }) => {
    const token = ctx.http?.sessionToken;
    return token ? ctx.services.get(authServices.sessions).info(token) : null;
  }),
  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    const owner = credentialOwnerOf(ctx);
    await ctx.services
      .get(authServices.credentials)
      .changePassword(owner, input.currentPassword, input.newPassword, ctx.http?.sessionToken);
  }),
  mfa: {
    start: authedProcedure.mutation(async ({ ctx }) =>
      ctx.services.get(authServices.credentials).startMfaEnrolment(credentialOwnerOf(ctx)),
    ),
    confirm: authedProcedure.input(confirmMfaInput).mutation(async ({ ctx, input }) => {
      const owner = credentialOwnerOf(ctx);
      return ctx.services.get(authServices.credentials).confirmMfaEnrolment(owner.id, input.code);
    }),
    disable: authedProcedure.input(disableMfaInput).mutation(async ({ ctx, input }) => {
      const owner = credentialOwnerOf(ctx);
      await ctx.services.get(authServices.credentials).disableMfa(owner.id, input.password);
    }),
  },
  apiKeys: {
    list: protectedProcedure(AUTH, can.apiKeyManage).query(({ ctx }) =>
      ctx.services.get(authServices.apiKeys).list(ctx.institution.id),
    ),
    create: protectedProcedure(AUTH, can.apiKeyManage)
      .input(createApiKeyInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(authServices.apiKeys).create(ctx.institution.id, input, ctx.principal),
      ),
    revoke: protectedProcedure(AUTH, can.apiKeyManage)
      .input(revokeApiKeyInput)
      .mutation(({ ctx, input }) => ctx.services.get(authServices.apiKeys).revoke(ctx.institution.id, input.id)),
  },
  permissions: {
    list: protectedProcedure(AUTH, can.roleRead).query(({ ctx }) =>
      [...ctx.services.get(coreServices.permissions)].map(([name, p]) => ({
        name,
        description: p.description,
        module: p.pluginId,
      })),
    ),
  },
  roles: {
    list: protectedProcedure(AUTH, can.roleRead).query(({ ctx }) => {
      const declared = ctx.services.get(coreServices.permissions);
      return builtInRoleCodes.map((code) => ({
        code,
        name: builtInRoles[code],
        permissions: [...permissionsOfRoles([code], declared)].sort(),
      }));
    }),
  },
} satisfies TRPCRouterRecord;
