import type { UserFields } from '../contracts/user.schema.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';

/** The user's roles plus those the institution's role assignment rules give its job category or user group. */
export function rolesFromRules(user: UserFields, config: UsersConfig): UserFields['roles'] {
  // A Contact cannot hold roles.
  if (user.recordType === 'CONTACT') return user.roles;
  const held = new Set(user.roles.map((r) => `${r.role}@${r.scope ?? ''}`));
  const added: UserFields['roles'] = [];
  for (const rule of config.roleAssignmentRules) {
    const applies =
      (rule.jobCategory !== undefined || rule.userGroup !== undefined) &&
      (rule.jobCategory === undefined || rule.jobCategory === user.jobCategory) &&
      (rule.userGroup === undefined || rule.userGroup === user.userGroup);
    if (!applies) continue;
    for (const role of rule.roles) {
      if (held.has(`${role}@`)) continue;
      held.add(`${role}@`);
      added.push({ role, scope: null, status: 'ACTIVE', expiryDate: null });
    }
  }
  return [...user.roles, ...added];
}

/**
 * The roles a save writes: the rules add theirs when the user is created and when asked to recalculate
 * (the Recalculate roles action, the REST API's `recalculate_roles=true`), never on other saves, so a role
 * staff removed stays removed.
 */
export function rolesToSave(
  user: UserFields,
  config: UsersConfig,
  when: { created: boolean; recalculate: boolean },
): UserFields['roles'] {
  return when.created || when.recalculate ? rolesFromRules(user, config) : user.roles;
}
