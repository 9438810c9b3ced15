import type { SessionInfo } from '@ulms/platform/contracts';
import { isActivePath, isPattern, matchPath, type PathParams } from '@ulms/ui';
import type { AdminModule, AdminRoute, JobAction, JobReportView } from './admin-module.js';

type Access = Pick<SessionInfo, 'modules' | 'permissions'>;

export interface NavigationSection {
  readonly moduleId: string;
  readonly title: string;
  readonly routes: readonly AdminRoute[];
}

/** A route found for a path, with the values of its `:name` segments. */
export interface RouteMatch {
  readonly route: AdminRoute;
  readonly params: PathParams;
}

function isEnabled(access: Access, moduleId: string): boolean {
  return access.modules.some((module) => module.id === moduleId);
}

function allowedModules(registry: readonly AdminModule[], access: Access): AdminModule[] {
  return registry.filter((entry) => isEnabled(access, entry.moduleId));
}

/**
 * The side navigation: one section per enabled module, in registry order, holding the routes whose
 * permission the staff member has and that are not hidden from it; sections left empty are dropped.
 */
export function navigationFor(registry: readonly AdminModule[], access: Access): NavigationSection[] {
  const sections: NavigationSection[] = [];
  for (const entry of allowedModules(registry, access)) {
    const routes = entry.routes.filter((route) => !route.hiddenFromNav && access.permissions.includes(route.permission));
    if (routes.length > 0) sections.push({ moduleId: entry.moduleId, title: entry.title, routes });
  }
  return sections;
}

/**
 * The route at `path` if the staff member may open it; null for unknown and forbidden paths alike.
 * A static path wins over a pattern, so `/users/new` is not taken for the user with id "new".
 */
export function allowedRouteAt(registry: readonly AdminModule[], access: Access, path: string): RouteMatch | null {
  const candidates = registry.flatMap((module) => module.routes.map((route) => ({ module, route })));
  const ordered = [...candidates.filter((c) => !isPattern(c.route.path)), ...candidates.filter((c) => isPattern(c.route.path))];
  for (const { module, route } of ordered) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    return isEnabled(access, module.moduleId) && access.permissions.includes(route.permission) ? { route, params } : null;
  }
  return null;
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
  registry: readonly AdminModule[],
  access: Access,
): { reports: Readonly<Record<string, JobReportView>>; actions: readonly JobAction[] } {
  const modules = allowedModules(registry, access);
  return {
    reports: Object.assign({}, ...modules.map((module) => module.jobReports ?? {})) as Record<string, JobReportView>,
    actions: modules.flatMap((module) => module.jobActions ?? []).filter((action) => access.permissions.includes(action.permission)),
  };
}
