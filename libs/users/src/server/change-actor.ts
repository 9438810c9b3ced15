import type { FieldError } from '@ulms/platform/contracts';
import type { ChangeCaller } from '../contracts/service-callers.js';
import { fieldPermissions } from '../contracts/users-permissions.js';

// The types moved to the contracts (other modules call the services with them); kept here for old imports.
export type { ChangeCaller, UserChangeActor } from '../contracts/service-callers.js';

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
