import { type InstitutionRef, type Principal, visibleOwnerLibraries } from '@ulms/platform';
import type { UserChangeActor } from '../server/change-actor.js';

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
