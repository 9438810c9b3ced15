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
  /** Every contribution to the point, whatever the institution: for listing what exists, not for running it. */
  extensions<T>(point: ExtensionPoint<T>): readonly T[];
  /** The contributions of plugins the institution has enabled (core plugins' always): what runs for it. */
  extensionsFor<T>(point: ExtensionPoint<T>, institutionId: string): Promise<readonly T[]>;
}

/** Reads, for one institution, the contributions that apply there; a service asks for it as a dependency. */
export interface EnabledExtensions {
  for<T>(point: ExtensionPoint<T>, institutionId: string): Promise<readonly T[]>;
  /** The ids of the plugins that contribute to `point`, enabled or not. */
  contributors(point: ExtensionPoint<unknown>): readonly string[];
}

/** A plugin's own per-institution configuration, parsed by its `configSchema` with the defaults filled in. */
export interface PluginConfig<T> {
  for(institutionId: string): Promise<T>;
}

/** A service to put in place of the one a plugin provides (tests). */
export interface ServiceOverride {
  readonly ref: ServiceRef<unknown>;
  readonly value: unknown;
}

/** Replaces the service behind `ref` with `value` wherever it is asked for. */
export function overrideService<T>(ref: ServiceRef<T>, value: T): ServiceOverride {
  return { ref, value };
}
