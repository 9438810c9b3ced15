import type { SessionInfo } from '@ulms/platform/contracts';
import type { AdminModule, AdminRoute } from './admin-module.js';

type Access = Pick<SessionInfo, 'modules' | 'permissions'>;

export interface NavigationSection {
  readonly moduleId: string;
  readonly title: string;
  readonly routes: readonly AdminRoute[];
}

function isEnabled(access: Access, moduleId: string): boolean {
  return access.modules.some((module) => module.id === moduleId);
}

/**
 * The side navigation: one section per enabled module, in registry order, holding the routes whose
 * permission the staff member has; sections left empty are dropped.
 */
export function navigationFor(registry: readonly AdminModule[], access: Access): NavigationSection[] {
  const sections: NavigationSection[] = [];
  for (const entry of registry) {
    if (!isEnabled(access, entry.moduleId)) continue;
    const routes = entry.routes.filter((route) => access.permissions.includes(route.permission));
    if (routes.length > 0) sections.push({ moduleId: entry.moduleId, title: entry.title, routes });
  }
  return sections;
}

/** The route at `path` if the staff member may open it; null for unknown and forbidden paths alike. */
export function allowedRouteAt(registry: readonly AdminModule[], access: Access, path: string): AdminRoute | null {
  for (const module of registry) {
    const route = module.routes.find((candidate) => candidate.path === path);
    if (route) {
      return isEnabled(access, module.moduleId) && access.permissions.includes(route.permission) ? route : null;
    }
  }
  return null;
}
