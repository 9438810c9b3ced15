import type { PrismaClient } from '@prisma/client';
import type { Logger } from 'pino';
import type { Database } from '../database/database.js';
import type { EventBus } from '../events/event-bus.js';
import type { Transactions } from '../events/transactions.js';
import type { DeclaredPermission } from './declared-permission.js';
import type { AnyPlugin } from './plugin-definition.js';
import {
  createServiceRef,
  type EnabledExtensions,
  type PluginConfig,
  type ServiceContainer,
  type ServiceRef,
} from './service-ref.js';

/** Services the kernel itself provides to every plugin. */
export const coreServices = {
  database: createServiceRef<Database>({ id: 'core.database' }),
  prisma: createServiceRef<PrismaClient>({ id: 'core.prisma' }),
  logger: createServiceRef<Logger>({ id: 'core.logger' }),
  events: createServiceRef<EventBus>({ id: 'core.events' }),
  transactions: createServiceRef<Transactions>({ id: 'core.transactions' }),
  /** The installed plugins in start-up order. */
  plugins: createServiceRef<readonly AnyPlugin[]>({ id: 'core.plugins' }),
  /** The service container itself, for code that runs later with any service (jobs, subscribers). */
  container: createServiceRef<() => ServiceContainer>({ id: 'core.container' }),
  /** The folder where plugins keep files (attachments and the like): `./data` in an installation. */
  dataDir: createServiceRef<string>({ id: 'core.dataDir' }),
  /** Every declared permission, with its description, plugin and shipped roles. */
  permissions: createServiceRef<ReadonlyMap<string, DeclaredPermission>>({ id: 'core.permissions' }),
  /** The contributions to an extension point that apply in one institution (its enabled plugins' and core's). */
  extensions: createServiceRef<EnabledExtensions>({ id: 'core.extensions' }),
  /** The asking plugin's own configuration for an institution; type it with `pluginConfigRef<T>()`. */
  pluginConfig: createServiceRef<PluginConfig<unknown>>({ id: 'core.pluginConfig' }),
};

/** `coreServices.pluginConfig` typed with the plugin's configuration (`z.output<typeof configSchema>`). */
export function pluginConfigRef<T>(): ServiceRef<PluginConfig<T>> {
  return coreServices.pluginConfig as ServiceRef<PluginConfig<T>>;
}
