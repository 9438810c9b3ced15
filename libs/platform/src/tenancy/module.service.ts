import { createExpiringCache } from '../cache/expiring-cache.js';
import type { Prisma, PrismaClient } from '@prisma/client';
import { z } from 'zod';
import type { ModuleStatus } from '../contracts/tenancy.schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors/domain-errors.js';
import { platformEvents } from '../contracts/platform-events.js';
import type { EventBus } from '../events/event-bus.js';
import type { AnyPlugin } from '../plugin/plugin-definition.js';

/** Per-institution module enablement and configuration. */
export interface ModuleService {
  list(institutionId: string): Promise<ModuleStatus[]>;
  isEnabled(institutionId: string, moduleId: string): Promise<boolean>;
  /** The module's configuration for the institution, with the schema's defaults filled in. */
  config<T = unknown>(institutionId: string, moduleId: string): Promise<T>;
  enable(institutionId: string, moduleId: string, config?: unknown): Promise<ModuleStatus>;
  disable(institutionId: string, moduleId: string): Promise<ModuleStatus>;
  configure(institutionId: string, moduleId: string, config: unknown): Promise<ModuleStatus>;
}

interface ModuleRow {
  enabled: boolean;
  config: unknown;
}

const CACHE_TTL_MS = 5_000;

export function createModuleService(deps: {
  prisma: PrismaClient;
  plugins: readonly AnyPlugin[];
  events: EventBus;
}): ModuleService {
  const { prisma, plugins } = deps;
  const pluginById = new Map(plugins.map((p) => [p.id, p]));
  const cache = createExpiringCache<string, Map<string, ModuleRow>>(CACHE_TTL_MS);

  const parsedConfigs = new WeakMap<Map<string, ModuleRow>, Map<string, unknown>>();

  const pluginOf = (moduleId: string): AnyPlugin => {
    const plugin = pluginById.get(moduleId);
    if (!plugin) throw new NotFoundError(`module "${moduleId}"`);
    return plugin;
  };

  const rowsOf = (institutionId: string): Promise<Map<string, ModuleRow>> =>
    cache.get(institutionId, async () => {
      const found = await prisma.institutionModule.findMany({
        where: { institutionId },
        select: { moduleId: true, enabled: true, config: true },
      });
      return new Map(found.map((r) => [r.moduleId, { enabled: r.enabled, config: r.config }]));
    });

  const isEnabledIn = (rows: Map<string, ModuleRow>, moduleId: string): boolean =>
    pluginById.get(moduleId)?.core === true || rows.get(moduleId)?.enabled === true;

  const parseConfig = (plugin: AnyPlugin, config: unknown): unknown => {
    const schema: z.ZodType = plugin.configSchema ?? z.object({}).loose();
    const result = schema.safeParse(config ?? {});
    if (result.success) return result.data;
    throw new ValidationError(
      result.error.issues.map((issue) => ({
        field: ['config', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    );
  };

  const statusOf = (plugin: AnyPlugin, rows: Map<string, ModuleRow>): ModuleStatus => ({
    id: plugin.id,
    title: plugin.title,
    core: plugin.core === true,
    dependsOn: plugin.dependsOn ?? [],
    enabled: isEnabledIn(rows, plugin.id),
    config: parseConfig(plugin, rows.get(plugin.id)?.config),
    configJsonSchema: plugin.configSchema ? z.toJSONSchema(plugin.configSchema, { io: 'input' }) : null,
  });

  const save = async (
    institutionId: string,
    moduleId: string,
    data: { enabled?: boolean; config?: unknown },
  ): Promise<ModuleStatus> => {
    const config = data.config as Prisma.InputJsonValue | undefined;
    const previousConfig = parseConfig(pluginOf(moduleId), (await rowsOf(institutionId)).get(moduleId)?.config);
    await prisma.institutionModule.upsert({
      where: { institutionId_moduleId: { institutionId, moduleId } },
      create: {
        institutionId,
        moduleId,
        enabled: data.enabled ?? false,
        config: config ?? {},
      },
      update: { enabled: data.enabled, config },
    });
    cache.delete(institutionId);
    const status = statusOf(pluginOf(moduleId), await rowsOf(institutionId));
    await deps.events.deliver([
      {
        name: platformEvents.moduleConfigured.name,
        payload: {
          institutionId,
          moduleId,
          enabled: status.enabled,
          config: status.config,
          previousConfig,
        },
      },
    ]);
    return status;
  };

  return {
    async list(institutionId) {
      const rows = await rowsOf(institutionId);
      return plugins.map((plugin) => statusOf(plugin, rows));
    },
    async isEnabled(institutionId, moduleId) {
      return isEnabledIn(await rowsOf(institutionId), moduleId);
    },
    async config<T>(institutionId: string, moduleId: string) {
      const rows = await rowsOf(institutionId);
      // Parsed once per cached reading of the rows (the REST API asks on every request), not per call.
      let parsed = parsedConfigs.get(rows)?.get(moduleId);
      if (parsed === undefined) {
        parsed = parseConfig(pluginOf(moduleId), rows.get(moduleId)?.config);
        const byModule = parsedConfigs.get(rows) ?? new Map<string, unknown>();
        byModule.set(moduleId, parsed);
        parsedConfigs.set(rows, byModule);
      }
      return parsed as T;
    },
    async enable(institutionId, moduleId, config) {
      const plugin = pluginOf(moduleId);
      cache.delete(institutionId);
      const rows = await rowsOf(institutionId);
      const missing = (plugin.dependsOn ?? []).filter((dep) => !isEnabledIn(rows, dep));
      if (missing.length > 0) {
        throw new ConflictError(`module "${moduleId}" needs ${missing.map((m) => `"${m}"`).join(', ')} enabled first`);
      }
      const parsed = parseConfig(plugin, config ?? rows.get(moduleId)?.config);
      return save(institutionId, moduleId, { enabled: true, config: parsed });
    },
    async disable(institutionId, moduleId) {
      const plugin = pluginOf(moduleId);
      if (plugin.core) throw new ConflictError(`module "${moduleId}" is part of the core and cannot be disabled`);
      cache.delete(institutionId);
      const rows = await rowsOf(institutionId);
      const dependents = plugins
        .filter((p) => p.dependsOn?.includes(moduleId) && isEnabledIn(rows, p.id))
        .map((p) => `"${p.id}"`);
      if (dependents.length > 0) {
        throw new ConflictError(
          `module "${moduleId}" cannot be disabled: enabled modules depend on it: ${dependents.join(', ')}`,
        );
      }
      return save(institutionId, moduleId, { enabled: false });
    },
    async configure(institutionId, moduleId, config) {
      const parsed = parseConfig(pluginOf(moduleId), config);
      return save(institutionId, moduleId, { config: parsed });
    },
  };
}
