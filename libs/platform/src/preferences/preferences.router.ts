import type { TRPCRouterRecord } from '@trpc/server';
import { platformPermissions as can } from '../contracts/platform-permissions.js';
import { getPreferenceInput, setPreferenceInput } from '../contracts/preferences.schema.js';
import { ForbiddenError } from '../errors/domain-errors.js';
import type { Principal } from '../trpc/request-context.js';
import { protectedProcedure } from '../trpc/trpc.js';
import { preferenceServices } from './preference-refs.js';

function ownerOf(principal: Principal, institutionId: string) {
  // API keys and jobs have no screens to remember anything of.
  if (principal.kind !== 'staff') {
    throw new ForbiddenError('only a signed-in staff member has preferences');
  }
  return { institutionId, accountId: principal.id };
}

/** The signed-in staff member's own preferences in the current institution. */
export const preferencesRouter = {
  get: protectedProcedure('platform', can.preferenceOwn)
    .input(getPreferenceInput)
    .query(({ ctx, input }) =>
      ctx.services.get(preferenceServices.preferences).get(ownerOf(ctx.principal, ctx.institution.id), input.key),
    ),
  set: protectedProcedure('platform', can.preferenceOwn)
    .input(setPreferenceInput)
    .mutation(({ ctx, input }) =>
      ctx.services
        .get(preferenceServices.preferences)
        .set(ownerOf(ctx.principal, ctx.institution.id), input.key, input.value),
    ),
} satisfies TRPCRouterRecord;
