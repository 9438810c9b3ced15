import type { SessionInfo } from '@ulms/platform/contracts';
import {
  type AdminConfigurationPage,
  type AdminPlugin,
  type AdminRoute,
  enabledAdminPlugins,
  type JobAction,
  type JobReportView,
} from '@ulms/ui';

type Access = Pick<SessionInfo, 'modules' | 'permissions'>;

/** A screen in the navigation: a route of a module, or a configuration page. */
export type NavigationEntry = Pick<AdminRoute, 'path' | 'label' | 'permission'>;

export interface NavigationSection {
  /** The module's id, or `configuration` for the group of every module's configuration pages. */
  readonly id: string;
  readonly title: string;
  readonly routes: readonly NavigationEntry[];
}

/** The id and heading of the navigation group holding the enabled modules' configuration pages. */
export const configurationSection = { id: 'configuration', title: 'Configuration' } as const;

function isEnabled(access: Access, moduleId: string): boolean {
  return access.modules.some((module) => module.id === moduleId);
}

/** The plugins whose module is enabled for the session, by the same rule the screens' host applies. */
function allowedPlugins(registry: readonly AdminPlugin[], access: Access): AdminPlugin[] {
  return enabledAdminPlugins(registry, {
    enabledModules: access.modules.map((module) => module.id),
    permissions: access.permissions,
  });
}

/** Every page a plugin routes: its routes, then its configuration pages. */
export function routedPages(plugin: AdminPlugin): readonly (AdminRoute | AdminConfigurationPage)[] {
  return [...plugin.routes, ...(plugin.configurationPages ?? [])];
}

/**
 * The side navigation: one section per enabled module, in registry order, holding the routes whose
 * permission the staff member has and that are not hidden from it, then one "Configuration" section with the
 * configuration pages of those modules the staff member may open; sections left empty are dropped.
 */
export function navigationFor(registry: readonly AdminPlugin[], access: Access): NavigationSection[] {
  const sections: NavigationSection[] = [];
  const permitted = (entry: NavigationEntry) => access.permissions.includes(entry.permission);
  const plugins = allowedPlugins(registry, access);
  for (const entry of plugins) {
    const routes = entry.routes.filter((route) => !route.hiddenFromNav && permitted(route));
    if (routes.length > 0) sections.push({ id: entry.moduleId, title: entry.title, routes });
  }
  const configuration = plugins.flatMap((entry) => entry.configurationPages ?? []).filter(permitted);
  if (configuration.length > 0) sections.push({ ...configurationSection, routes: configuration });
  return sections;
}

/** Whether the staff member may open a module's page: the module is enabled and they hold its permission. */
export function mayOpen(access: Access, moduleId: string, route: Pick<AdminRoute, 'permission'>): boolean {
  return isEnabled(access, moduleId) && access.permissions.includes(route.permission);
}

/** Whether a link to `href` is the current page or an ancestor of it. */
function isActivePath(currentPath: string, href: string): boolean {
  if (href === '/') return currentPath === '/';
  return currentPath === href || currentPath.startsWith(`${href}/`);
}

/**
 * The navigation entry to highlight for `path`: the longest entry path that is the page or an ancestor of
 * it, so `/users/configuration` lights "User configuration" only and a user's details light "Find and Manage Users".
 */
export function activeNavPath(sections: readonly NavigationSection[], path: string): string | null {
  let best: string | null = null;
  for (const route of sections.flatMap((section) => section.routes)) {
    if (isActivePath(path, route.path) && (best === null || route.path.length > best.length)) best = route.path;
  }
  return best;
}

/** The job report views and Jobs-page actions of the enabled modules the staff member may use. */
export function jobContributionsFor(
  registry: readonly AdminPlugin[],
  access: Access,
): { reports: Readonly<Record<string, JobReportView>>; actions: readonly JobAction[] } {
  const plugins = allowedPlugins(registry, access);
  return {
    reports: Object.assign({}, ...plugins.map((plugin) => plugin.jobReports ?? {})) as Record<string, JobReportView>,
    actions: plugins
      .flatMap((plugin) => plugin.jobActions ?? [])
      .filter((action) => access.permissions.includes(action.permission)),
  };
}
