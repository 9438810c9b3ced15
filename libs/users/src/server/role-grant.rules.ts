import { type DeclaredPermission, permissionsOfRoles } from '@ulms/platform';
import { builtInRoles, type BuiltInRole, type FieldError } from '@ulms/platform/contracts';
import type { ChangeCaller } from '../contracts/service-callers.js';

/** A role as the record holds it (or a change asks for it). */
export interface RoleGrant {
  readonly role: string;
  readonly scope?: string | null;
  readonly status: string;
  readonly expiryDate?: string | null;
}

const roleName = (role: string) => builtInRoles[role as BuiltInRole] ?? role;

/**
 * Whether `held` already gives at least what `wanted` gives: the same role, active, over the same library or
 * the whole institution, for as long or longer. Anything more (a new role, a re-activation, a later or no
 * expiry date, a wider scope) is a grant.
 */
const covers = (held: RoleGrant, wanted: RoleGrant) =>
  held.role === wanted.role &&
  held.status === 'ACTIVE' &&
  (held.scope == null || held.scope === (wanted.scope ?? null)) &&
  (held.expiryDate == null || (wanted.expiryDate != null && wanted.expiryDate <= held.expiryDate));

/**
 * A caller grants only roles whose permissions they hold themselves: a desk operator, or an operator's API key,
 * cannot make anyone an administrator. Inactive roles grant nothing; roles the record already gives as widely
 * are no grant. Jobs and the SIS act for the institution (no caller) and are not held to it.
 */
export function roleGrantErrors(
  caller: ChangeCaller | undefined,
  declared: ReadonlyMap<string, DeclaredPermission>,
  before: readonly RoleGrant[],
  after: readonly RoleGrant[],
): FieldError[] {
  if (!caller) return [];
  return after.flatMap((wanted, i) => {
    if (wanted.status !== 'ACTIVE' || before.some((held) => covers(held, wanted))) return [];
    const missing = [...permissionsOfRoles([wanted.role], declared)].filter((p) => !caller.permissions.has(p));
    return missing.length
      ? [
          {
            field: `roles.${i}.role`,
            message: `you cannot grant the role "${roleName(wanted.role)}": it holds permissions you do not have (${missing.join(', ')})`,
          },
        ]
      : [];
  });
}

/** A Contact record (a vendor's or a partner's person) cannot hold roles. */
export function contactRoleErrors(user: { recordType: string; roles: readonly unknown[] }): FieldError[] {
  return user.recordType === 'CONTACT' && user.roles.length > 0
    ? [{ field: 'roles', message: 'a Contact record cannot hold roles' }]
    : [];
}

/**
 * Every rule on the roles a save carries: a Contact holds none, and the caller grants only what they hold
 * (the SIS never changes roles: they are internal data, kept as they are).
 */
export function roleChangeErrors(
  caller: ChangeCaller | undefined,
  declared: ReadonlyMap<string, DeclaredPermission>,
  before: readonly RoleGrant[],
  user: { recordType: string; roles: readonly RoleGrant[] },
): FieldError[] {
  return [...contactRoleErrors(user), ...roleGrantErrors(caller, declared, before, user.roles)];
}
