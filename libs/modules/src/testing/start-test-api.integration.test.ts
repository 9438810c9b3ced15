import { existsSync } from 'node:fs';
import { coreServices, definePlugin, protectedProcedure } from '@ulms/platform';
import { usersServices } from '@ulms/users';
import { describe, expect, it } from 'vitest';
import { overrideService, pluginsWithDependencies, startTestApi } from './index.js';

const greeterPlugin = definePlugin({
  id: 'greeter',
  title: 'Greeter',
  dependsOn: ['users'],
  permissions: { 'greeter.greeting.read': { description: 'Read greetings', roles: [] } },
  router: {
    greeting: protectedProcedure('greeter', 'greeter.greeting.read').query(async ({ ctx }) => {
      const found = await ctx.services.get(usersServices.search).search(ctx.institution, {});
      return `Hello, ${found.total} users`;
    }),
  },
});

describe('startTestApi for a plugin', () => {
  it('starts the shipped modules the plugin depends on and enables them for the institution', async () => {
    const api = await startTestApi({ plugins: [greeterPlugin] });
    try {
      expect(api.kernel.plugins.map((p) => p.id)).toEqual(['platform', 'auth', 'users', 'greeter']);
      expect((await api.caller.users.search({})).total).toBe(0);
      expect(await api.caller.greeter.greeting()).toBe('Hello, 0 users');
    } finally {
      await api.close();
    }
  });

  it('puts an overriding service in place of the one a module provides', async () => {
    const search = {
      search: async () => ({ total: 42, totalIsLowerBound: false, rows: [], columns: [] }),
    } as never;
    const api = await startTestApi({
      plugins: [greeterPlugin],
      overrides: [overrideService(usersServices.search, search)],
    });
    try {
      expect(await api.caller.greeter.greeting()).toBe('Hello, 42 users');
    } finally {
      await api.close();
    }
  });

  it('removes the files the test made when it closes', async () => {
    const api = await startTestApi({ plugins: [greeterPlugin] });
    const dataDir = api.kernel.services.get(coreServices.dataDir);
    expect(existsSync(dataDir)).toBe(true);
    await api.close();
    expect(existsSync(dataDir)).toBe(false);
  });

  it('names a dependency that is not shipped', () => {
    const orphan = definePlugin({ id: 'orphan', title: 'Orphan', dependsOn: ['loans'] });
    expect(() => pluginsWithDependencies([orphan])).toThrow(
      'plugin "orphan" depends on "loans", which is not a shipped module',
    );
  });
});
