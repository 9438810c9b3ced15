import { describe, expect, it } from 'vitest';
import type { AdminPlugin } from '@ulms/ui';
import { activeNavPath, mayOpen, navigationFor } from './navigation.js';

const component = () => null;
const registry: AdminPlugin[] = [
  {
    moduleId: 'platform',
    title: 'Platform',
    routes: [
      { path: '/modules', label: 'Modules', permission: 'platform.module.read', component },
      { path: '/api-keys', label: 'API keys', permission: 'platform.apikey.manage', component },
    ],
  },
  {
    moduleId: 'users',
    title: 'Users',
    routes: [
      { path: '/users', label: 'Find and Manage Users', permission: 'users.user.read', component },
      { path: '/users/new', label: 'Add user', permission: 'users.user.read', hiddenFromNav: true, component },
      { path: '/users/$id', label: 'User details', permission: 'users.user.read', hiddenFromNav: true, component },
    ],
    configurationPages: [
      { path: '/users/configuration', label: 'User configuration', permission: 'users.config.read', component },
    ],
  },
  {
    moduleId: 'fines',
    title: 'Fines',
    routes: [],
    configurationPages: [
      { path: '/fines/configuration', label: 'Fine configuration', permission: 'fines.config.read', component },
    ],
  },
];

const everything = {
  modules: [
    { id: 'users', title: 'Users' },
    { id: 'platform', title: 'Platform' },
  ],
  permissions: ['platform.module.read', 'platform.apikey.manage', 'users.user.read', 'users.config.read'],
};

describe('navigationFor', () => {
  it('follows the registry order, whatever the session order', () => {
    expect(navigationFor(registry, everything).map((s) => s.id)).toEqual(['platform', 'users', 'configuration']);
  });

  it('hides the routes of a disabled module', () => {
    const access = { ...everything, modules: [{ id: 'platform', title: 'Platform' }] };
    const labels = navigationFor(registry, access).flatMap((s) => s.routes.map((r) => r.label));
    expect(labels).toEqual(['Modules', 'API keys']);
  });

  it('hides routes without permission and drops empty sections', () => {
    const access = { ...everything, permissions: ['platform.module.read'] };
    const sections = navigationFor(registry, access);
    expect(sections.map((s) => [s.id, s.routes.map((r) => r.label)])).toEqual([['platform', ['Modules']]]);
  });

  it('leaves out routes hidden from the navigation', () => {
    const users = navigationFor(registry, everything).find((s) => s.id === 'users');
    expect(users?.routes.map((r) => r.label)).toEqual(['Find and Manage Users']);
  });

  it("gathers the enabled modules' configuration pages the staff member may open in one last group", () => {
    const withFines = {
      modules: [...everything.modules, { id: 'fines', title: 'Fines' }],
      permissions: [...everything.permissions, 'fines.config.read'],
    };
    const last = navigationFor(registry, withFines).at(-1);
    expect(last?.title).toBe('Configuration');
    expect(last?.routes.map((r) => r.label)).toEqual(['User configuration', 'Fine configuration']);
    const withoutPermission = navigationFor(registry, { ...withFines, permissions: ['fines.config.read'] });
    expect(withoutPermission.map((s) => [s.id, s.routes.map((r) => r.label)])).toEqual([
      ['configuration', ['Fine configuration']],
    ]);
    expect(navigationFor(registry, { ...everything, modules: [{ id: 'fines', title: 'Fines' }] })).toEqual([]);
  });

  it('ignores enabled modules that contribute no screens', () => {
    const access = { ...everything, modules: [{ id: 'fines', title: 'Fines' }] };
    expect(navigationFor(registry, access)).toEqual([]);
  });
});

describe('mayOpen', () => {
  const route = { permission: 'users.user.read' };

  it('opens a route of an enabled module with its permission', () => {
    expect(mayOpen(everything, 'users', route)).toBe(true);
  });

  it('refuses a missing permission and a disabled module', () => {
    expect(mayOpen({ ...everything, permissions: [] }, 'users', route)).toBe(false);
    expect(mayOpen({ ...everything, modules: [] }, 'users', route)).toBe(false);
  });
});

describe('activeNavPath', () => {
  const sections = navigationFor(registry, everything);

  it('highlights only the closest entry', () => {
    expect(activeNavPath(sections, '/users/configuration')).toBe('/users/configuration');
    expect(activeNavPath(sections, '/users')).toBe('/users');
  });

  it('highlights the parent entry of a hidden page', () => {
    expect(activeNavPath(sections, '/users/new')).toBe('/users');
    expect(activeNavPath(sections, '/users/42')).toBe('/users');
    expect(activeNavPath(sections, '/account')).toBeNull();
  });
});
