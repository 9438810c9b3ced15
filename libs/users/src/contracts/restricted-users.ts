import type { UserDto } from './user.dto.js';

/** Whether a user holds, active, one of the roles the institution restricts for editing (`restrictedRoles`). */
export function isRestrictedForEditing(user: Pick<UserDto, 'roles'>, restrictedRoles: readonly string[]): boolean {
  return user.roles.some((role) => role.status === 'ACTIVE' && restrictedRoles.includes(role.role));
}
