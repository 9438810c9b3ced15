import { type InstitutionRef, type Principal, visibleOwnerLibraries } from '@ulms/platform';
import { z } from 'zod';
import { MAX_IDENTIFIER_LENGTH } from '../contracts/identifiers.js';
import type { UserChangeActor } from '../server/change-actor.js';
import { ALL_UNIQUE } from './alma-user-finder.js';

/** `{user_id}`: a primary identifier or another identifier, of any length an identifier may have. */
export const userPathParams = z.object({
  user_id: z
    .string()
    .min(1)
    .max(MAX_IDENTIFIER_LENGTH)
    .describe('primary identifier, or another identifier (see user_id_type)'),
});

/** Which identifier `{user_id}` is. */
export const userIdType = z
  .string()
  .min(1)
  .default(ALL_UNIQUE)
  .describe('all_unique (primary identifier or any identifier, the default), primary_id, or an identifier type code');

/** Who a change made over the API is recorded as, with what the key may do. */
export function apiActor(request: { institution: InstitutionRef; principal: Principal }): UserChangeActor {
  const { institution, principal } = request;
  return {
    institutionId: institution.id,
    actor: principal.displayName,
    actorKind: principal.kind,
    caller: {
      permissions: principal.permissions,
      visibleLibraryIds: visibleOwnerLibraries(institution, principal),
    },
  };
}
