import type { AnyPlugin } from '../plugin/plugin-definition.js';
import { router } from './trpc.js';

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** The router record of a list of plugins: each plugin's router under its camel-cased id. */
export type RouterRecordOf<P extends readonly AnyPlugin[]> = {
  [K in P[number] as K['router'] extends undefined ? never : CamelCase<K['id']>]: NonNullable<K['router']>;
};

export function routerKeyOf(pluginId: string): string {
  return pluginId.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Builds the root router from the installed plugins, so that `AppRouter` has every module's type. */
export function composeRouter<const P extends readonly AnyPlugin[]>(plugins: P) {
  const record: Record<string, unknown> = {};
  for (const plugin of plugins) if (plugin.router) record[routerKeyOf(plugin.id)] = plugin.router;
  return router(record as RouterRecordOf<P>);
}
