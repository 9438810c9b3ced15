import {
  createRootRoute,
  createRoute,
  createRouter,
  type RouteComponent,
  type RouterHistory,
} from '@tanstack/react-router';
import {
  type AdminConfigurationPage,
  type AdminPlugin,
  type AdminRoute,
  parsePlainSearch,
  stringifyPlainSearch,
} from '@ulms/ui';
import type { ComponentType } from 'react';
import { z } from 'zod';
import { routedPages } from './navigation.js';

/** The app's own screens the tree is built around; the modules' pages come from their contributions. */
export interface AppScreens {
  /** Waits for the session, then renders the matched route in its `<Outlet />`. */
  readonly Root: RouteComponent;
  readonly SignIn: RouteComponent;
  /** The signed-in frame (or the way to sign-in) around its `<Outlet />`. */
  readonly SignedIn: RouteComponent;
  readonly Home: RouteComponent;
  readonly Account: RouteComponent;
  /** Shown in the signed-in frame for paths no route matches, the same page as for a forbidden one. */
  readonly NotFound: RouteComponent;
  /** Renders a contributed page if the module is enabled and the staff member holds its permission. */
  readonly ModulePage: ComponentType<{
    readonly moduleId: string;
    readonly route: AdminRoute | AdminConfigurationPage;
  }>;
}

export const signInSearch = z.object({
  next: z.string().optional().catch(undefined),
  reason: z.literal('expired').optional().catch(undefined),
});

/**
 * The route tree: sign-in beside a pathless signed-in layout holding the start page, Account settings, every
 * route and configuration page the plugins contribute (each guarded by ModulePage, as modules are enabled per institution at run
 * time) and a catch-all for unknown paths.
 */
export function buildRouteTree(registry: readonly AdminPlugin[], screens: AppScreens) {
  const root = createRootRoute({ component: screens.Root });
  const signIn = createRoute({
    getParentRoute: () => root,
    path: '/sign-in',
    validateSearch: signInSearch,
    component: screens.SignIn,
  });
  const signedIn = createRoute({ getParentRoute: () => root, id: 'signed-in', component: screens.SignedIn });
  const home = createRoute({ getParentRoute: () => signedIn, path: '/', component: screens.Home });
  const account = createRoute({ getParentRoute: () => signedIn, path: '/account', component: screens.Account });
  const contributed = registry.flatMap((module) =>
    routedPages(module).map((route) => {
      const ModulePage = screens.ModulePage;
      return createRoute({
        getParentRoute: () => signedIn,
        path: route.path,
        validateSearch: route.validateSearch,
        component: () => <ModulePage moduleId={module.moduleId} route={route} />,
      });
    }),
  );
  const unknown = createRoute({ getParentRoute: () => signedIn, path: '$', component: screens.NotFound });
  return root.addChildren([signIn, signedIn.addChildren([home, account, ...contributed, unknown])]);
}

/** The admin app's router over `history` (the browser's by default), with plain-text search params. */
export function createAdminRouter(registry: readonly AdminPlugin[], screens: AppScreens, history?: RouterHistory) {
  return createRouter({
    routeTree: buildRouteTree(registry, screens),
    history,
    parseSearch: parsePlainSearch,
    stringifySearch: stringifyPlainSearch,
  });
}
