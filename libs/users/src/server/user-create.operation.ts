import type { UserService } from '../contracts/user-service.js';
import type { UserSave } from './user-save.js';

/** Creating a user (with its notes and statistics when given). */
export function createUserCreateOperation(deps: { save: UserSave }): Pick<UserService, 'create'> {
  return {
    create: (by, input, options = {}) => deps.save(by, input, { existingId: null, parts: options.parts }),
  };
}
