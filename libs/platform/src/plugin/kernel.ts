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
import type { ModuleService } from '../tenancy/module.service.js';
import { tenancyServices } from '../tenancy/tenancy-services.js';
import type {
  DependencyRef,
  EnabledExtensions,
  PluginConfig,
  ServiceContainer,
  ServiceOverride,
  ServiceRef,
} from './service-ref.js';

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

/** A contribution as registered: a value, or a factory built once its dependencies are. */
type Contribution =
  | { pluginId: string; value: unknown }
  | { pluginId: string; deps: Record<string, DependencyRef>; factory: (deps: Record<string, unknown>) => unknown };

interface PointEntry {
  point: ExtensionPoint<unknown>;
  pluginId: string;
  contributions: Contribution[];
  /** The contributions' values with their plugins, once built. */
  built?: { pluginId: string; value: unknown }[];
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
 * Starts the plugins: orders them by `dependsOn`, runs each `register`, then builds every service and
 * contribution so that a wiring mistake fails at start-up with a message naming the plugins involved.
 */
export function startKernel(options: {
  plugins: readonly AnyPlugin[];
  database: Database;
  logger: Logger;
  /** Where plugins keep files; defaults to a folder under the system's temporary directory. */
  dataDir?: string;
  /** Services used in place of those the plugins provide (tests). */
  overrides?: readonly ServiceOverride[];
}): Kernel {
  const plugins = orderPlugins(options.plugins);
  const corePluginIds = new Set(plugins.filter((p) => p.core === true).map((p) => p.id));
  const permissions = collectPermissions(plugins);
  const events = createEventBus(options.logger);
  const points = new Map<string, PointEntry>();
  const factories = new Map<string, ServiceEntry>();
  const overridden = new Set((options.overrides ?? []).map((o) => o.ref.id));
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
    ...(options.overrides ?? []).map((o): [string, unknown] => [o.ref.id, o.value]),
  ]);

  // Asked for only once an institution is known, by which time the platform plugin's services are built.
  const moduleService = (): ModuleService => {
    if (!instances.has(tenancyServices.modules.id)) {
      throw new PluginStartupError('per-institution enablement needs the platform plugin, which is not installed');
    }
    return instances.get(tenancyServices.modules.id) as ModuleService;
  };
  const appliesIn = async (pluginId: string, institutionId: string): Promise<boolean> =>
    corePluginIds.has(pluginId) || moduleService().isEnabled(institutionId, pluginId);

  for (const plugin of plugins) {
    const addContribution = (point: ExtensionPoint<unknown>, contribution: Contribution): void => {
      const entry = points.get(point.id);
      if (!entry) {
        throw new PluginStartupError(
          `plugin "${plugin.id}" contributes to "${point.id}", which no plugin declared before it ` +
            `(does "${plugin.id}" list the declaring plugin in dependsOn?)`,
        );
      }
      if (entry.point.single && entry.contributions.length > 0) {
        throw new PluginStartupError(
          `extension point "${point.id}" takes a single value, already set by plugin ` +
            `"${entry.contributions[0]?.pluginId}"; plugin "${plugin.id}" tried to set another`,
        );
      }
      entry.contributions.push(contribution);
    };
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
        points.set(point.id, { point, pluginId: plugin.id, contributions: [] });
      },
      contribute(point, value) {
        addContribution(point, { pluginId: plugin.id, value });
      },
      contributeWith(point, contribution) {
        addContribution(point, {
          pluginId: plugin.id,
          deps: contribution.deps,
          factory: contribution.factory as (deps: Record<string, unknown>) => unknown,
        });
      },
      provideService(ref, service) {
        if (overridden.has(ref.id)) return;
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
        events.subscribe(event, async (payload) => {
          const { institutionId, moduleId } = (payload ?? {}) as { institutionId?: unknown; moduleId?: unknown };
          // A plugin hears about itself being switched off (moduleConfigured) even where it is now disabled.
          const aboutItself = moduleId === plugin.id;
          if (typeof institutionId === 'string' && !aboutItself && !(await appliesIn(plugin.id, institutionId))) return;
          await handler(payload, { services });
        });
      },
    };
    plugin.register?.(env);
  }

  const building: string[] = [];
  const withCycleCheck = <R>(id: string, work: () => R): R => {
    if (building.includes(id)) {
      throw new PluginStartupError(`service dependency cycle: ${[...building, id].join(' -> ')}`);
    }
    building.push(id);
    try {
      return work();
    } finally {
      building.pop();
    }
  };

  const resolveDeps = (pluginId: string, deps: Record<string, DependencyRef>): Record<string, unknown> => {
    const resolved: Record<string, unknown> = {};
    for (const [key, dep] of Object.entries(deps)) {
      if (dep.kind === 'service' && dep.id === coreServices.pluginConfig.id) resolved[key] = pluginConfigOf(pluginId);
      else resolved[key] = dep.kind === 'service' ? build(dep) : extensionValues(dep);
    }
    return resolved;
  };

  const pluginConfigOf = (pluginId: string): PluginConfig<unknown> => ({
    for: (institutionId) => moduleService().config(institutionId, pluginId),
  });

  const builtContributions = (point: ExtensionPoint<unknown>): { pluginId: string; value: unknown }[] => {
    const entry = points.get(point.id);
    if (!entry) throw new PluginStartupError(`extension point "${point.id}" is not declared`);
    if (entry.built) return entry.built;
    const built = withCycleCheck(`${point.id} (extension point)`, () =>
      entry.contributions.map((c) =>
        'factory' in c ? { pluginId: c.pluginId, value: c.factory(resolveDeps(c.pluginId, c.deps)) } : c,
      ),
    );
    const seen = new Set<unknown>();
    for (const { value } of built) {
      const id = (value as { id?: unknown } | null)?.id;
      if (!entry.point.single && seen.has(id)) {
        throw new PluginStartupError(
          `extension point "${point.id}" already has a contribution with id "${String(id)}"`,
        );
      }
      seen.add(id);
    }
    entry.built = built;
    return built;
  };

  const extensionValues = (point: ExtensionPoint<unknown>): unknown => {
    const values = builtContributions(point).map((c) => c.value);
    if (!point.single) return values;
    if (values.length === 0) {
      throw new PluginStartupError(`extension point "${point.id}" needs a value and has none`);
    }
    return values[0];
  };

  const build = (ref: ServiceRef<unknown>): unknown => {
    if (instances.has(ref.id)) return instances.get(ref.id);
    const entry = factories.get(ref.id);
    if (!entry) throw new PluginStartupError(`service "${ref.id}" is not provided by any plugin`);
    const instance = withCycleCheck(ref.id, () => entry.factory(resolveDeps(entry.pluginId, entry.deps)));
    instances.set(ref.id, instance);
    return instance;
  };

  const extensionsFor = async <T>(point: ExtensionPoint<T>, institutionId: string): Promise<readonly T[]> => {
    const contributions = builtContributions(point);
    const applies = await Promise.all(contributions.map((c) => appliesIn(c.pluginId, institutionId)));
    return contributions.filter((_, i) => applies[i]).map((c) => c.value as T);
  };
  const enabledExtensions: EnabledExtensions = {
    for: extensionsFor,
    contributors: (point) => builtContributions(point).map((c) => c.pluginId),
  };
  instances.set(coreServices.extensions.id, enabledExtensions);

  for (const id of factories.keys()) build({ kind: 'service', id });
  for (const entry of points.values()) builtContributions(entry.point);

  const services: ServiceContainer = {
    get<T>(ref: ServiceRef<T>): T {
      if (ref.id === coreServices.pluginConfig.id) {
        throw new Error('the plugin configuration is asked for as a dependency (deps), so the kernel knows whose');
      }
      if (!instances.has(ref.id)) throw new Error(`service "${ref.id}" is not provided`);
      return instances.get(ref.id) as T;
    },
    extensions<T>(point: ExtensionPoint<T>): readonly T[] {
      const value = extensionValues(point);
      return (point.single ? [value] : value) as readonly T[];
    },
    extensionsFor,
  };
  return { plugins, services, events, permissions };
}
