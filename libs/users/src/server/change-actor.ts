import type { FieldError } from '@ulms/platform/contracts';
import { fieldPermissions } from '../contracts/users-permissions.js';

/** Who makes a change: the institution it happens in and the name recorded as created/updated by. */
export interface UserChangeActor {
  readonly institutionId: string;
  readonly actor: string;
  /** staff, apiKey, job or system: the History tab says who changed what. */
  readonly actorKind?: string;
  /** Set when a job makes the change (the reference's "last updated by job"). */
  readonly job?: string;
  /** The person or key asking, when one does: what they may change and which owner libraries they see. */
  readonly caller?: ChangeCaller;
}

/** What a person or API key making a change may do (jobs and the SIS act for the institution and have none). */
export interface ChangeCaller {
  readonly permissions: ReadonlySet<string>;
  /** Owner libraries whose notes and statistics the caller sees and changes; null for every library. */
  readonly visibleLibraryIds: readonly string[] | null;
}

/** Field errors for changes the caller lacks the permission for (see `fieldPermissions`). */
export function fieldPermissionErrors(caller: ChangeCaller | undefined, changed: readonly string[]): FieldError[] {
  if (!caller) return [];
  return changed.flatMap((field) => {
    const needed = fieldPermissions[field];
    return needed && !caller.permissions.has(needed)
      ? [{ field, message: `changing it needs the permission "${needed}"` }]
      : [];
  });
}
