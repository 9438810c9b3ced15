import { parseInput } from '@ulms/platform';
import { updateUserInput } from '../contracts/user.schema.js';
import type { UserService } from '../contracts/user-service.js';
import type { UserSave } from './user-save.js';

/** Saving a user's record over the version the caller read. */
export function createUserUpdateOperation(deps: { save: UserSave }): Pick<UserService, 'update'> {
  return {
    update: (by, input, options = {}) => {
      const { id, openForUpdate, keepOnSync, version, ...fields } = parseInput(updateUserInput, input);
      return deps.save(by, fields, {
        existingId: id,
        openForUpdate,
        keepOnSync,
        expectedVersion: version,
        ...options,
      });
    },
  };
}
