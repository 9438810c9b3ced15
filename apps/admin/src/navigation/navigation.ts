import type { SessionInfo } from '@ulms/platform/contracts';
import type { AdminModule, AdminRoute, JobAction, JobReportView } from './admin-module.js';

type Access = Pick<SessionInfo, 'modules' | 'permissions'>;

export interface NavigationSection {
  readonly moduleId: string;
  readonly title: string;
  readonly routes: readonly AdminRoute[];
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
    const routes = entry.routes.filter(
      (route) => !route.hiddenFromNav && access.permissions.includes(route.permission),
    );
    if (routes.length > 0) sections.push({ moduleId: entry.moduleId, title: entry.title, routes });
  }
  return sections;
}

/** Whether the staff member may open a module's route: the module is enabled and they hold its permission. */
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
  registry: readonly AdminModule[],
  access: Access,
): { reports: Readonly<Record<string, JobReportView>>; actions: readonly JobAction[] } {
  const modules = allowedModules(registry, access);
  return {
    reports: Object.assign({}, ...modules.map((module) => module.jobReports ?? {})) as Record<string, JobReportView>,
    actions: modules
      .flatMap((module) => module.jobActions ?? [])
      .filter((action) => access.permissions.includes(action.permission)),
  };
}
