import type { AdminExtension, AdminExtensionPoint, AdminPlugin } from './admin-plugin.js';

/** What decides what a staff member sees: the modules enabled for their institution and their permissions. */
export interface AdminAccess {
  /** Ids of the modules the server reports enabled for the signed-in staff member's institution. */
  readonly enabledModules: readonly string[];
  readonly permissions: readonly string[];
}

/** The plugins whose module is enabled, in list order. */
export function enabledAdminPlugins(plugins: readonly AdminPlugin[], access: AdminAccess): AdminPlugin[] {
  return plugins.filter((plugin) => access.enabledModules.includes(plugin.moduleId));
}

/**
 * The contributions to `point` from the plugins whose module is enabled, in plugin order, leaving out those
 * whose `permission` the staff member lacks.
 */
export function adminExtensionsFor<T extends AdminExtension>(
  plugins: readonly AdminPlugin[],
  point: AdminExtensionPoint<T>,
  access: AdminAccess,
): T[] {
  return enabledAdminPlugins(plugins, access).flatMap((plugin) =>
    (plugin.contributions ?? [])
      .filter((entry) => entry.point.id === point.id)
      .map((entry) => entry.value as T)
      .filter((value) => value.permission === undefined || access.permissions.includes(value.permission)),
  );
}
