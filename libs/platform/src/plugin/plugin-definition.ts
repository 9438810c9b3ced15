import type { TRPCRouterRecord } from '@trpc/server';
import type { z } from 'zod';
import type { PermissionDeclaration } from '../contracts/roles.js';
import type { EventDefinition } from '../events/event-bus.js';
import type { FileContribution } from '../http/file-route.js';
import type { RestContribution } from '../http/rest-route.js';
import type { ExtensionPoint } from './extension-point.js';
import type { DependencyRef, ResolvedDeps, ServiceContainer, ServiceRef } from './service-ref.js';

/** What `register` may do. Declare extension points first, then contribute and provide services. */
export interface PluginRegistrationEnv {
  readonly pluginId: string;
  declareExtensionPoint(point: ExtensionPoint<unknown>): void;
  contribute<T>(point: ExtensionPoint<T>, value: T): void;
  /**
   * Contributes a value built from the services it names (`coreServices.pluginConfig` among them gives this
   * plugin's own per-institution configuration); built at start-up, after the services it needs.
   */
  contributeWith<T, D extends Record<string, DependencyRef>>(
    point: ExtensionPoint<T>,
    contribution: { deps: D; factory: (deps: ResolvedDeps<D>) => T },
  ): void;
  provideService<T, D extends Record<string, DependencyRef>>(
    ref: ServiceRef<T>,
    options: { deps: D; factory: (deps: ResolvedDeps<D>) => T },
  ): void;
  /**
   * Handles an event after the commit that raised it; services come from the second argument. An event whose
   * payload carries an `institutionId` reaches the handler only where this plugin is enabled (or is core).
   */
  subscribe<P>(
    event: EventDefinition<P>,
    handler: (payload: P, context: { services: ServiceContainer }) => void | Promise<void>,
  ): void;
}

/** A plugin: one module of the product or one institution's extension. */
export interface PluginDefinition<
  TId extends string = string,
  TRouter extends TRPCRouterRecord | undefined = TRPCRouterRecord | undefined,
  TConfig extends z.ZodType = z.ZodType,
> {
  /** Stable kebab-case id; institutions store it to enable the module. */
  readonly id: TId;
  readonly title: string;
  readonly dependsOn?: readonly string[];
  /** Validates the per-institution configuration; its defaults fill what an institution leaves out. */
  readonly configSchema?: TConfig;
  /** Permission names (`<module>.<resource>.<action>`): what each allows and which shipped roles hold it. */
  readonly permissions?: Readonly<Record<string, PermissionDeclaration>>;
  readonly router?: TRouter;
  /** Routes of the REST API (served under `/almaws/v1`), each guarded by API key, module and permission. */
  readonly http?: RestContribution;
  /** Routes that move files as HTTP streams (multipart uploads, downloads), served under `/files` for the admin app. */
  readonly files?: FileContribution;
  /** A core plugin is always enabled and cannot be switched off. */
  readonly core?: boolean;
  register?(env: PluginRegistrationEnv): void;
}

/**
 * Declares a plugin; only checks and returns it, so the literal types of id and router are kept. Two overloads
 * because TypeScript will not infer an inline `router` into a parameter that defaults to `undefined`.
 */
export function definePlugin<
  const TId extends string,
  TRouter extends TRPCRouterRecord,
  TConfig extends z.ZodType = z.ZodType,
>(
  plugin: PluginDefinition<TId, TRouter, TConfig> & { readonly router: TRouter },
): PluginDefinition<TId, TRouter, TConfig>;
export function definePlugin<const TId extends string, TConfig extends z.ZodType = z.ZodType>(
  plugin: PluginDefinition<TId, undefined, TConfig>,
): PluginDefinition<TId, undefined, TConfig>;
export function definePlugin(plugin: AnyPlugin): AnyPlugin {
  return plugin;
}

/** Any plugin, whatever its router and config types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPlugin = PluginDefinition<string, any, any>;
