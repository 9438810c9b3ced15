import type { AnyPlugin } from './plugin-definition.js';

/** Raised when the installed plugins cannot start together; the message says which and why. */
export class PluginStartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginStartupError';
  }
}

const PLUGIN_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Checks ids and dependencies and returns the plugins so that each comes after what it depends on. */
export function orderPlugins<P extends AnyPlugin>(plugins: readonly P[]): P[] {
  const byId = new Map<string, P>();
  for (const plugin of plugins) {
    if (!PLUGIN_ID.test(plugin.id)) {
      throw new PluginStartupError(`plugin id "${plugin.id}" is not kebab-case`);
    }
    if (byId.has(plugin.id)) {
      throw new PluginStartupError(`plugin id "${plugin.id}" is installed twice`);
    }
    byId.set(plugin.id, plugin);
  }
  for (const plugin of plugins) {
    for (const dep of plugin.dependsOn ?? []) {
      if (!byId.has(dep)) {
        throw new PluginStartupError(`plugin "${plugin.id}" depends on "${dep}", which is not installed`);
      }
    }
  }

  const ordered: P[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: P, path: string[]): void => {
    const seen = state.get(plugin.id);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(plugin.id)), plugin.id];
      throw new PluginStartupError(`plugin dependency cycle: ${cycle.join(' -> ')}`);
    }
    state.set(plugin.id, 'visiting');
    for (const dep of plugin.dependsOn ?? []) visit(byId.get(dep) as P, [...path, plugin.id]);
    state.set(plugin.id, 'done');
    ordered.push(plugin);
  };
  for (const plugin of plugins) visit(plugin, []);
  return ordered;
}
