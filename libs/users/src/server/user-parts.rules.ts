import { ValidationError } from '@ulms/platform';
import type { UserChangeActor } from '../contracts/service-callers.js';

/** Library independence on writes: rows owned outside the caller's scope are neither made nor touched. */
export const inCallerScope = (by: UserChangeActor) => {
  const visible = by.caller?.visibleLibraryIds;
  return visible
    ? {
        OR: [{ ownerLibraryId: null }, { ownerLibraryId: { in: [...visible] } }],
      }
    : {};
};

/** One row of a user's parts (note, statistic) as the caller may touch it: in their institution and scope. */
export const ownedPartOf = (by: UserChangeActor, userId: string, id: string) => ({
  id,
  userId,
  institutionId: by.institutionId,
  ...inCallerScope(by),
});

export const checkOwnerInScope = (by: UserChangeActor, ownerId: string | null) => {
  const visible = by.caller?.visibleLibraryIds;
  if (visible && ownerId && !visible.includes(ownerId))
    throw ValidationError.of('ownerLibrary', 'is a library outside your role scope');
};

export const checkSegment = (accountType: string, segmentType: string) => {
  if (segmentType === 'EXTERNAL' && accountType !== 'EXTERNAL') {
    throw ValidationError.of('segmentType', 'only an external user can have external data');
  }
};
