import type { ExtensionPoint } from './extension-point.js';

/** A typed handle on a service in the registry. */
export interface ServiceRef<T> {
  readonly kind: 'service';
  readonly id: string;
  readonly T?: T;
}

/** Creates the ref of a service; its id is `<pluginId>.<name>`. */
export function createServiceRef<T>(options: { id: string }): ServiceRef<T> {
  return { kind: 'service', id: options.id };
}

/** What a service factory may ask for: other services, or the contributions to an extension point. */
export type DependencyRef = ServiceRef<unknown> | ExtensionPoint<unknown>;

/** The values a factory receives for the refs it declared. */
export type ResolvedDeps<D extends Record<string, DependencyRef>> = {
  [K in keyof D]: D[K] extends ServiceRef<infer S>
    ? S
    : D[K] extends ExtensionPoint<infer E>
      ? D[K]['single'] extends true
        ? E
        : readonly E[]
      : never;
};

/** Where handlers get their services from (`ctx.services`). */
export interface ServiceContainer {
  get<T>(ref: ServiceRef<T>): T;
  extensions<T>(point: ExtensionPoint<T>): readonly T[];
}
