import { initTRPC, TRPCError } from '@trpc/server';
import { transformer } from '../contracts/transformer.js';
import { ZodError } from 'zod';
import { DomainError, type DomainErrorCode, type FieldError, ValidationError } from '../errors/domain-errors.js';
import { forbiddenCharacterErrors } from '../errors/forbidden-characters.js';
import { MAX_INPUT_DEPTH, nestedDeeperThan } from '../errors/input-depth.js';
import { tenancyServices } from '../tenancy/tenancy-services.js';
import { markGuard, markInputScreen } from './guards.js';
import type { InstitutionRef, RequestContext } from './request-context.js';

/** The tRPC code of each kind of domain error (and so, through tRPC, its HTTP status). */
const trpcCodeOf: Record<DomainErrorCode, TRPCError['code']> = {
  VALIDATION: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED: 'UNAUTHORIZED',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

/** A domain error as tRPC answers it: the matching code, the same message, the domain error as its cause. */
export function toTRPCError(error: DomainError): TRPCError {
  const mapped = new TRPCError({ code: trpcCodeOf[error.code], message: error.message, cause: error });
  if (error.stack) mapped.stack = error.stack;
  return mapped;
}

/**
 * The field-level messages of an error: a ValidationError's, or (for a tRPC error) those of the
 * ValidationError it carries or of its input parsing; undefined when it has none.
 */
export function fieldErrorsOf(error: unknown): readonly FieldError[] | undefined {
  if (error instanceof ValidationError) return error.fieldErrors;
  if (!(error instanceof TRPCError)) return undefined;
  if (error.cause instanceof ValidationError) return error.cause.fieldErrors;
  if (error.cause instanceof ZodError) {
    return error.cause.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message,
    }));
  }
  return undefined;
}

/**
 * The shared transformer, refusing before superjson walks it (recursively) an input nested so deeply that
 * the walk would exhaust the stack; the input screen names the field of anything deeper than the limit.
 */
const serverTransformer = {
  input: {
    serialize: (value: unknown) => transformer.serialize(value),
    deserialize: (value: unknown) => {
      if (nestedDeeperThan(value, 4 * MAX_INPUT_DEPTH)) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `the input is nested more than ${MAX_INPUT_DEPTH} levels deep`,
        });
      }
      return transformer.deserialize(value as Parameters<typeof transformer.deserialize>[0]);
    },
  },
  output: transformer,
};

/** The one tRPC instance of the workspace. Modules build on the procedures below, never on this. */
const t = initTRPC.context<RequestContext>().create({
  transformer: serverTransformer,
  errorFormatter({ shape, error }) {
    const fieldErrors = fieldErrorsOf(error);
    const message = fieldErrors
      ? fieldErrors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ')
      : shape.message;
    // Internal errors keep their detail in the log, not on the wire.
    const safeMessage = error.code === 'INTERNAL_SERVER_ERROR' ? 'internal error' : message;
    return {
      ...shape,
      message: safeMessage,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/**
 * The first middleware of every procedure, two jobs in one step (each middleware costs tRPC a copy of the call's
 * options, measurable on the fast look-ups):
 * - the raw input, before any guard or parser, is refused when a value or field name holds a character XML 1.0
 *   cannot carry (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates);
 * - whatever the guards or the resolver throw as a DomainError leaves the procedure as the TRPCError of the
 *   matching code, with the domain error as its cause; anything else passes unchanged.
 */
const screenInputAndMapErrors = t.middleware(async ({ getRawInput, next }) => {
  const errors = forbiddenCharacterErrors(await getRawInput(), 'dots');
  if (errors.length > 0) throw toTRPCError(new ValidationError(errors));
  const result = await next();
  // tRPC wraps anything thrown that is not a TRPCError as INTERNAL_SERVER_ERROR, keeping it as the cause.
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && result.error.cause instanceof DomainError) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});
markInputScreen(screenInputAndMapErrors);

const baseProcedure = t.procedure.use(screenInputAndMapErrors);

/** Reachable by anyone: only sign-in and health may use it. */
export const publicProcedure = baseProcedure;

const signedIn = (principal: RequestContext['principal']): NonNullable<RequestContext['principal']> => {
  if (!principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first' });
  return principal;
};

const authenticated = t.middleware(({ ctx, next }) => next({ ctx: { principal: signedIn(ctx.principal) } }));
markGuard(authenticated, ['authenticated']);

/** Signed in, with no institution needed (for example the caller's own password). */
export const authedProcedure = baseProcedure.use(authenticated);

/** The caller's institution, refused while the caller must first change their password. */
async function institutionOf(ctx: RequestContext, principal: NonNullable<RequestContext['principal']>) {
  if (principal.mustChangePassword) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'change your password before anything else' });
  }
  const institution: InstitutionRef | null = await ctx.services
    .get(tenancyServices.institutions)
    .findById(principal.institutionId);
  if (!institution) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'the institution of this session no longer exists' });
  }
  return institution;
}

async function requireModule(ctx: RequestContext, institution: InstitutionRef, moduleId: string) {
  if (!(await ctx.services.get(tenancyServices.modules).isEnabled(institution.id, moduleId))) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `module "${moduleId}" is not enabled for institution "${institution.code}"`,
    });
  }
}

function requireHeld(principal: NonNullable<RequestContext['principal']>, permission: string) {
  if (!principal.permissions.has(permission)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `missing permission "${permission}"` });
  }
}

const resolveInstitution = t.middleware(async ({ ctx, next }) => {
  const principal = signedIn(ctx.principal);
  return next({ ctx: { principal, institution: await institutionOf(ctx, principal) } });
});
markGuard(resolveInstitution, ['institution']);

/** Signed in, with `ctx.institution` resolved from the caller. */
export const institutionProcedure = baseProcedure.use(resolveInstitution);

/** One middleware (one step of tRPC's chain, not one per check): institution resolved, module enabled, permission held. */
function guardedProcedure(moduleId: string, permission?: string) {
  const guard = t.middleware(async ({ ctx, next }) => {
    const principal = signedIn(ctx.principal);
    const institution = await institutionOf(ctx, principal);
    await requireModule(ctx, institution, moduleId);
    if (permission !== undefined) requireHeld(principal, permission);
    return next({ ctx: { principal, institution } });
  });
  markGuard(
    guard,
    permission === undefined ? ['institution', 'module'] : ['institution', 'module', 'permission'],
    permission,
  );
  return baseProcedure.use(guard);
}

/** Signed in, and the module is enabled for the caller's institution. */
export function moduleProcedure(moduleId: string) {
  return guardedProcedure(moduleId);
}

/** A middleware refusing callers without `permission`, for a procedure that needs a second one. */
export function requirePermission(permission: string) {
  const hasPermission = t.middleware(({ ctx, next }) => {
    requireHeld(signedIn(ctx.principal), permission);
    return next();
  });
  markGuard(hasPermission, ['permission'], permission);
  return hasPermission;
}

/** The usual base of a module's procedure: institution resolved, module enabled, permission held. */
export function protectedProcedure(moduleId: string, permission: string) {
  return guardedProcedure(moduleId, permission);
}
