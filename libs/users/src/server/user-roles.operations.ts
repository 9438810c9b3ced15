import { NotFoundError, parseInput, ValidationError } from '@ulms/platform';
import type { UserService } from '../contracts/user-service.js';
import type { UserDto } from '../contracts/user.dto.js';
import type { UserFields } from '../contracts/user.schema.js';
import { userDtoToFields } from '../contracts/user-fields.js';
import {
  addRoleInput,
  recalculateRolesInput,
  removeRoleInput,
  updateRoleInput,
} from '../contracts/user-roles.schema.js';
import type { UserSave } from './user-save.js';

type Roles = UserFields['roles'];

/**
 * The Roles tab: one role added, changed or removed, or the role assignment rules applied again. Each is a
 * save of the record with its roles changed, so every rule of a save holds (the caller grants only what they
 * hold, the last administrator stays, a Contact holds none, the version read) and the History tab shows it.
 */
export function createUserRolesOperations(deps: {
  save: UserSave;
  get: UserService['get'];
}): Pick<UserService, 'addRole' | 'updateRole' | 'removeRole' | 'recalculateRoles'> {
  const { save, get } = deps;

  /** Saves the user with `change(roles)`; field errors on role `index` are given as the dialog's fields. */
  const saveRoles = async (
    by: Parameters<UserSave>[0],
    userId: string,
    version: number | undefined,
    change: (roles: Roles, user: UserDto) => { roles: Roles; index: number | null },
    options: { recalculateRoles?: boolean } = {},
  ): Promise<UserDto> => {
    const user = await get(by.institutionId, userId);
    const fields = userDtoToFields(user) as UserFields;
    const { roles, index } = change(fields.roles, user);
    try {
      const result = await save(
        by,
        { ...fields, roles },
        { existingId: userId, expectedVersion: version, recalculateRoles: options.recalculateRoles },
      );
      if (result.status !== 'saved') throw new Error('an existing user is never a possible duplicate');
      return result.user;
    } catch (error) {
      if (!(error instanceof ValidationError) || index === null) throw error;
      const prefix = `roles.${index}.`;
      throw new ValidationError(
        error.fieldErrors.map((e) => (e.field.startsWith(prefix) ? { ...e, field: e.field.slice(prefix.length) } : e)),
      );
    }
  };

  const indexOf = (roles: Roles, id: string) => {
    const index = roles.findIndex((r) => r.id === id);
    if (index < 0) throw new NotFoundError('role');
    return index;
  };

  return {
    addRole(by, input) {
      const { userId, version, ...role } = parseInput(addRoleInput, input);
      return saveRoles(by, userId, version, (roles) => ({
        roles: [...roles, { ...role, scope: role.scope ?? null, expiryDate: role.expiryDate ?? null }],
        index: roles.length,
      }));
    },
    updateRole(by, input) {
      const { userId, version, id, ...change } = parseInput(updateRoleInput, input);
      return saveRoles(by, userId, version, (roles) => {
        const index = indexOf(roles, id);
        const updated = roles.map((r, i) =>
          i === index
            ? { ...r, scope: change.scope ?? null, status: change.status, expiryDate: change.expiryDate ?? null }
            : r,
        );
        return { roles: updated, index };
      });
    },
    removeRole(by, input) {
      const { userId, version, id } = parseInput(removeRoleInput, input);
      return saveRoles(by, userId, version, (roles) => {
        const index = indexOf(roles, id);
        return { roles: roles.filter((_, i) => i !== index), index: null };
      });
    },
    recalculateRoles(by, input) {
      const { userId, version } = parseInput(recalculateRolesInput, input);
      return saveRoles(by, userId, version, (roles) => ({ roles, index: null }), { recalculateRoles: true });
    },
  };
}
