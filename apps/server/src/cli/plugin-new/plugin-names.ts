/** The names one plugin id gives its files, symbols and package. */
export interface PluginNames {
  /** `campus-rules`: the plugin id, folder and package suffix. */
  readonly id: string;
  /** `campusRules`: symbols and the tRPC router key. */
  readonly camel: string;
  /** `CampusRules`: component names. */
  readonly pascal: string;
  /** `Campus rules`: what staff read. */
  readonly title: string;
}

const PLUGIN_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const TAKEN = new Set(['platform', 'auth', 'users', 'ui', 'modules', 'server', 'admin', 'admin-e2e', 'bench', 'core']);

/** The names for `id`, or why it cannot be a plugin id. */
export function pluginNames(id: string): PluginNames {
  if (!PLUGIN_ID.test(id)) {
    throw new Error(`"${id}" is not a plugin id: lower-case letters and digits in words joined by "-" (campus-rules)`);
  }
  if (TAKEN.has(id)) throw new Error(`"${id}" is already the name of a project of this repository`);
  const words = id.split('-');
  const camel = words.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join('');
  return {
    id,
    camel,
    pascal: camel[0]?.toUpperCase() + camel.slice(1),
    title: words.join(' ').replace(/^./, (c) => c.toUpperCase()),
  };
}
