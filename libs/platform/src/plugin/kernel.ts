import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Database } from '../database/database.js';
import { createEventBus, type EventBus } from '../events/event-bus.js';
import { createTransactions } from '../events/transactions.js';
import { coreServices } from './core-services.js';
import type { DeclaredPermission } from './declared-permission.js';
import type { ExtensionPoint } from './extension-point.js';
import type { AnyPlugin, PluginRegistrationEnv } from './plugin-definition.js';
import { orderPlugins, PluginStartupError } from './plugin-order.js';
import type { DependencyRef, ServiceContainer, ServiceRef } from './service-ref.js';

/** The started plugin system: ordered plugins, their services and the event bus. */
export interface Kernel {
  readonly plugins: readonly AnyPlugin[];
  readonly services: ServiceContainer;
  readonly events: EventBus;
  /** Every declared permission name with its description and declaring plugin. */
  readonly permissions: ReadonlyMap<string, DeclaredPermission>;
}

interface ServiceEntry {
  pluginId: string;
  deps: Record<string, DependencyRef>;
  factory: (deps: Record<string, unknown>) => unknown;
}

interface PointEntry {
  point: ExtensionPoint<unknown>;
  pluginId: string;
  values: { pluginId: string; value: unknown }[];
}

const contributors = new WeakMap<object, string>();

/** The id of the plugin that contributed `value` to an extension point (to apply it only where enabled). */
export function contributorOf(value: object): string | undefined {
  return contributors.get(value);
}

const PERMISSION_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

function collectPermissions(plugins: readonly AnyPlugin[]): Kernel['permissions'] {
  const permissions = new Map<string, DeclaredPermission>();
  for (const plugin of plugins) {
    for (const [name, declaration] of Object.entries(plugin.permissions ?? {})) {
      if (!PERMISSION_NAME.test(name) || !name.startsWith(`${plugin.id}.`)) {
        throw new PluginStartupError(
          `plugin "${plugin.id}" declares permission "${name}"; names are "${plugin.id}.<resource>.<action>"`,
        );
      }
      permissions.set(name, { ...declaration, pluginId: plugin.id });
    }
  }
  return permissions;
}

/**
 * Starts the plugins: orders them by `dependsOn`, runs each `register`, then builds every service so
 * that a wiring mistake fails at start-up with a message naming the plugins involved.
 */
export function startKernel(options: {
  plugins: readonly AnyPlugin[];
  database: Database;
  logger: Logger;
  /** Where plugins keep files; defaults to a folder under the system's temporary directory. */
  dataDir?: string;
}): Kernel {
  const plugins = orderPlugins(options.plugins);
  const permissions = collectPermissions(plugins);
  const events = createEventBus(options.logger);
  const points = new Map<string, PointEntry>();
  const factories = new Map<string, ServiceEntry>();
  const instances = new Map<string, unknown>([
    [coreServices.database.id, options.database],
    [coreServices.prisma.id, options.database.prisma],
    [coreServices.logger.id, options.logger],
    [coreServices.events.id, events],
    [coreServices.transactions.id, createTransactions(options.database.prisma, events)],
    [coreServices.plugins.id, plugins],
    [coreServices.permissions.id, permissions],
    [coreServices.dataDir.id, options.dataDir ?? join(tmpdir(), 'ulms-data')],
    // Resolved when called, by which time the container below exists.
    [coreServices.container.id, () => services],
  ]);

  for (const plugin of plugins) {
    const env: PluginRegistrationEnv = {
      pluginId: plugin.id,
      declareExtensionPoint(point) {
        if (!point.id.startsWith(`${plugin.id}.`)) {
          throw new PluginStartupError(
            `plugin "${plugin.id}" cannot declare extension point "${point.id}": its id must start with "${plugin.id}."`,
          );
        }
        if (points.has(point.id)) {
          throw new PluginStartupError(`extension point "${point.id}" is declared twice`);
        }
        points.set(point.id, { point, pluginId: plugin.id, values: [] });
      },
      contribute(point, value) {
        const entry = points.get(point.id);
        if (!entry) {
          throw new PluginStartupError(
            `plugin "${plugin.id}" contributes to "${point.id}", which no plugin declared before it ` +
              `(does "${plugin.id}" list the declaring plugin in dependsOn?)`,
          );
        }
        if (entry.point.single && entry.values.length > 0) {
          throw new PluginStartupError(
            `extension point "${point.id}" takes a single value, already set by plugin ` +
              `"${entry.values[0]?.pluginId}"; plugin "${plugin.id}" tried to set another`,
          );
        }
        const id = (value as { id?: unknown } | null)?.id;
        if (!entry.point.single && entry.values.some((v) => (v.value as { id?: unknown }).id === id)) {
          throw new PluginStartupError(
            `extension point "${point.id}" already has a contribution with id "${String(id)}"`,
          );
        }
        entry.values.push({ pluginId: plugin.id, value });
        if (typeof value === 'object' && value !== null) contributors.set(value, plugin.id);
      },
      provideService(ref, service) {
        if (instances.has(ref.id) || factories.has(ref.id)) {
          throw new PluginStartupError(`service "${ref.id}" is provided twice (by "${plugin.id}")`);
        }
        factories.set(ref.id, {
          pluginId: plugin.id,
          deps: service.deps,
          factory: service.factory as ServiceEntry['factory'],
        });
      },
      subscribe(event, handler) {
        // `services` is assigned below, before any event can be delivered.
        events.subscribe(event, (payload) => handler(payload, { services }));
      },
    };
    plugin.register?.(env);
  }

  const extensionValues = (point: ExtensionPoint<unknown>): unknown => {
    const entry = points.get(point.id);
    if (!entry) throw new PluginStartupError(`extension point "${point.id}" is not declared`);
    if (!entry.point.single) return entry.values.map((v) => v.value);
    if (entry.values.length === 0) {
      throw new PluginStartupError(`extension point "${point.id}" needs a value and has none`);
    }
    return entry.values[0]?.value;
  };

  const building: string[] = [];
  const build = (ref: ServiceRef<unknown>): unknown => {
    if (instances.has(ref.id)) return instances.get(ref.id);
    const entry = factories.get(ref.id);
    if (!entry) throw new PluginStartupError(`service "${ref.id}" is not provided by any plugin`);
    if (building.includes(ref.id)) {
      throw new PluginStartupError(`service dependency cycle: ${[...building, ref.id].join(' -> ')}`);
    }
    building.push(ref.id);
    const deps: Record<string, unknown> = {};
    for (const [key, dep] of Object.entries(entry.deps)) {
      deps[key] = dep.kind === 'service' ? build(dep) : extensionValues(dep);
    }
    building.pop();
    const instance = entry.factory(deps);
    instances.set(ref.id, instance);
    return instance;
  };
  for (const id of factories.keys()) build({ kind: 'service', id });

  const services: ServiceContainer = {
    get<T>(ref: ServiceRef<T>): T {
      if (!instances.has(ref.id)) throw new Error(`service "${ref.id}" is not provided`);
      return instances.get(ref.id) as T;
    },
    extensions<T>(point: ExtensionPoint<T>): readonly T[] {
      const value = extensionValues(point);
      return (point.single ? [value] : value) as readonly T[];
    },
  };
  return { plugins, services, events, permissions };
}
