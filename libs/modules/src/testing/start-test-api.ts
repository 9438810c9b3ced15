import { type AnyPlugin, PluginStartupError } from '@ulms/platform';
import { startTestApi as startKernelTestApi, type TestApi, type TestInstitutionOptions } from '@ulms/platform/testing';
import type { Database, ServiceOverride } from '@ulms/platform';
import { shippedModules } from '../shipped-modules.js';

type Shipped = typeof shippedModules;

/** `plugins` preceded by every shipped module they depend on, directly or not. */
export function pluginsWithDependencies(
  plugins: readonly AnyPlugin[],
  installed: readonly AnyPlugin[] = shippedModules,
): AnyPlugin[] {
  const byId = new Map<string, AnyPlugin>(installed.map((p) => [p.id, p]));
  const given = new Set(plugins.map((p) => p.id));
  const needed: AnyPlugin[] = [];
  const add = (plugin: AnyPlugin, path: readonly string[]): void => {
    for (const id of plugin.dependsOn ?? []) {
      if (given.has(id) || needed.some((p) => p.id === id) || id === 'platform' || id === 'auth') continue;
      const dependency = byId.get(id);
      if (!dependency) {
        throw new PluginStartupError(
          `plugin "${[...path, plugin.id].join('" → "')}" depends on "${id}", which is not a shipped module; ` +
            'pass it in plugins',
        );
      }
      add(dependency, [...path, plugin.id]);
      needed.push(dependency);
    }
  };
  for (const plugin of plugins) add(plugin, []);
  return [...needed, ...plugins];
}

/**
 * Starts `plugins` with the shipped modules they depend on, on a fresh migrated database, and creates an
 * institution with all of them enabled (unless `institution.modules` says otherwise). `close()` removes the
 * database and the files the test made. The callers are typed with every shipped module's procedures; those
 * of modules not started answer that the module is not enabled.
 */
export async function startTestApi<const P extends readonly AnyPlugin[]>(options: {
  plugins: P;
  institution?: TestInstitutionOptions;
  database?: Database;
  overrides?: readonly ServiceOverride[];
}): Promise<TestApi<readonly [...Shipped, ...P]>> {
  const plugins = pluginsWithDependencies(options.plugins);
  const modules = options.institution?.modules ?? plugins.map((p) => p.id);
  const api = await startKernelTestApi({
    ...options,
    plugins: plugins as unknown as readonly [...Shipped, ...P],
    institution: { ...options.institution, modules },
  });
  return api;
}
