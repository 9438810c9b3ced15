import { createMemoryHistory } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AdminPlugin } from '@ulms/ui';
import { type AppScreens, createAdminRouter } from './route-tree.js';

const component = () => null;
const screens: AppScreens = {
  Root: component,
  SignIn: component,
  SignedIn: component,
  Home: component,
  Account: component,
  NotFound: component,
  ModulePage: component,
};

const registry: AdminPlugin[] = [
  {
    moduleId: 'users',
    title: 'Users',
    routes: [
      { path: '/users', label: 'Find and Manage Users', permission: 'users.user.read', component },
      { path: '/users/new', label: 'Add user', permission: 'users.user.create', hiddenFromNav: true, component },
      {
        path: '/users/$id',
        label: 'User details',
        permission: 'users.user.read',
        hiddenFromNav: true,
        component,
        validateSearch: z.object({ tab: z.enum(['general', 'notes']).optional().catch(undefined) }),
      },
    ],
    configurationPages: [
      { path: '/users/configuration', label: 'User configuration', permission: 'users.config.read', component },
    ],
  },
  {
    moduleId: 'fines',
    title: 'Fines',
    routes: [{ path: '/fines', label: 'Fines', permission: 'fines.read', component }],
  },
];

function open(location: string) {
  const router = createAdminRouter(registry, screens, createMemoryHistory({ initialEntries: [location] }));
  const leaf = router.matchRoutes(router.state.location).at(-1);
  return { routeId: leaf?.routeId, params: leaf?.params, search: leaf?.search, router };
}

describe('the route tree built from the modules', () => {
  it('adds every contributed route under the signed-in layout', () => {
    expect(open('/users').routeId).toBe('/signed-in/users');
    expect(open('/fines').routeId).toBe('/signed-in/fines');
    expect(open('/').routeId).toBe('/signed-in/');
    expect(open('/account').routeId).toBe('/signed-in/account');
  });

  it('routes configuration pages like the other pages, above a parameter', () => {
    expect(open('/users/configuration').routeId).toBe('/signed-in/users/configuration');
  });

  it('keeps sign-in outside the signed-in layout', () => {
    const signIn = open('/sign-in?next=%2Fusers%2F42&reason=expired');
    expect(signIn.routeId).toBe('/sign-in');
    expect(signIn.search).toEqual({ next: '/users/42', reason: 'expired' });
  });

  it('ranks a static path above a parameter, and passes the parameter', () => {
    expect(open('/users/new').routeId).toBe('/signed-in/users/new');
    const details = open('/users/42');
    expect(details.routeId).toBe('/signed-in/users/$id');
    expect(details.params).toEqual({ id: '42' });
  });

  it("validates a route's search with its schema, dropping what it does not know", () => {
    expect(open('/users/42?tab=notes').search).toEqual({ tab: 'notes' });
    expect(open('/users/42?tab=bogus').search).toEqual({ tab: undefined });
  });

  it('sends unknown paths to the catch-all inside the signed-in layout', () => {
    expect(open('/nowhere').routeId).toBe('/signed-in/$');
    expect(open('/users/42/more').routeId).toBe('/signed-in/$');
  });

  it('writes search params as plain text', () => {
    const { router } = open('/');
    expect(router.buildLocation({ to: '/users', search: { q: '123', page: 2 } }).href).toBe('/users?q=123&page=2');
  });
});
