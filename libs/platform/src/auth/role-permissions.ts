import type { DeclaredPermission } from '../plugin/declared-permission.js';

/** The permissions the given roles hold, as the installed plugins declare them. */
export function permissionsOfRoles(
  roles: Iterable<string>,
  declared: ReadonlyMap<string, DeclaredPermission>,
): Set<string> {
  const wanted = new Set(roles);
  const permissions = new Set<string>();
  for (const [name, declaration] of declared) {
    if (declaration.roles.some((role) => wanted.has(role))) permissions.add(name);
  }
  return permissions;
}
