import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../database/database.js';
import { defineEvent } from '../events/event-bus.js';
import type { ModuleService } from '../tenancy/module.service.js';
import { tenancyServices } from '../tenancy/tenancy-services.js';
import { coreServices, pluginConfigRef } from './core-services.js';
import { createExtensionPoint } from './extension-point.js';
import { startKernel } from './kernel.js';
import { type AnyPlugin, definePlugin } from './plugin-definition.js';
import { createServiceRef, overrideService } from './service-ref.js';

// What runs for an institution: contributions and subscribers of the plugins it enabled, with their configuration.
const database = { kind: 'pglite', prisma: {}, sql: {}, close: async () => undefined } as unknown as Database;

/** Module enablement and configuration kept in memory: institution id → module id → config. */
function modulesIn(enabled: Record<string, Record<string, unknown>>): ModuleService {
  const configOf = (institutionId: string, moduleId: string) => enabled[institutionId]?.[moduleId];
  return {
    isEnabled: async (institutionId, moduleId) => configOf(institutionId, moduleId) !== undefined,
    config: async <T>(institutionId: string, moduleId: string) => configOf(institutionId, moduleId) as T,
    list: async () => [],
    enable: async () => Promise.reject(new Error('not in this test')),
    disable: async () => Promise.reject(new Error('not in this test')),
    configure: async () => Promise.reject(new Error('not in this test')),
  };
}

const start = (plugins: AnyPlugin[], modules: ModuleService) =>
  startKernel({
    plugins,
    database,
    logger: pino({ level: 'silent' }),
    overrides: [overrideService(tenancyServices.modules, modules)],
  });

interface NameRule {
  readonly id: string;
  check(name: string, institutionId: string): Promise<string | null>;
}
const rulesPoint = createExtensionPoint<NameRule>({ id: 'people.rules' });
const greeterRef = createServiceRef<{ greet(name: string): string }>({ id: 'people.greeter' });
const personAdded = defineEvent<{ institutionId: string; name: string }>('person.added');
const switched = defineEvent<{ institutionId: string; moduleId: string; enabled: boolean }>('module.switched');

const peoplePlugin = definePlugin({
  id: 'people',
  title: 'People',
  core: true,
  register(env) {
    env.declareExtensionPoint(rulesPoint);
    env.provideService(greeterRef, { deps: {}, factory: () => ({ greet: (name) => `Hello ${name}` }) });
  },
});

const lengthConfig = z.object({ max: z.number().default(5) });
const seen: string[] = [];
const maxLengthPlugin = definePlugin({
  id: 'max-length',
  title: 'Names have a maximum length',
  dependsOn: ['people'],
  configSchema: lengthConfig,
  register(env) {
    env.contributeWith(rulesPoint, {
      deps: { config: pluginConfigRef<z.output<typeof lengthConfig>>(), greeter: greeterRef },
      factory: ({ config, greeter }) => ({
        id: 'max-length',
        async check(name, institutionId) {
          const { max } = await config.for(institutionId);
          return name.length > max ? `${greeter.greet(name)}: longer than ${max}` : null;
        },
      }),
    });
    env.subscribe(personAdded, ({ name }) => {
      seen.push(name);
    });
    env.subscribe(switched, ({ moduleId, enabled }) => {
      seen.push(`${moduleId} ${enabled ? 'on' : 'off'}`);
    });
  },
});

const problems = async (kernel: ReturnType<typeof start>, institutionId: string, name: string) => {
  const rules = await kernel.services.extensionsFor(rulesPoint, institutionId);
  return (await Promise.all(rules.map((r) => r.check(name, institutionId)))).filter((p) => p !== null);
};

describe('what runs for an institution', () => {
  const modules = modulesIn({ north: { 'max-length': { max: 3 } }, south: {} });

  it("gives a contribution its dependencies and its plugin's configuration for the institution", async () => {
    const kernel = start([maxLengthPlugin, peoplePlugin], modules);
    expect(await problems(kernel, 'north', 'Adelheid')).toEqual(['Hello Adelheid: longer than 3']);
    expect(await problems(kernel, 'north', 'Ada')).toEqual([]);
  });

  it('leaves out the contributions of plugins the institution has not enabled', async () => {
    const kernel = start([maxLengthPlugin, peoplePlugin], modules);
    expect(await kernel.services.extensionsFor(rulesPoint, 'south')).toEqual([]);
    expect(kernel.services.extensions(rulesPoint)).toHaveLength(1);
  });

  it('delivers an event to a plugin only where it is enabled', async () => {
    const kernel = start([maxLengthPlugin, peoplePlugin], modules);
    seen.length = 0;
    await kernel.events.deliver([
      { name: personAdded.name, payload: { institutionId: 'south', name: 'Bo' } },
      { name: personAdded.name, payload: { institutionId: 'north', name: 'Cy' } },
    ]);
    expect(seen).toEqual(['Cy']);
  });

  it('tells a plugin it was switched off, though it is no longer enabled there', async () => {
    const kernel = start([maxLengthPlugin, peoplePlugin], modules);
    seen.length = 0;
    await kernel.events.deliver([
      { name: switched.name, payload: { institutionId: 'south', moduleId: 'max-length', enabled: false } },
      { name: switched.name, payload: { institutionId: 'south', moduleId: 'other', enabled: false } },
    ]);
    expect(seen).toEqual(['max-length off']);
  });

  it('uses an overriding service in place of the one a plugin provides', async () => {
    const kernel = startKernel({
      plugins: [peoplePlugin, maxLengthPlugin],
      database,
      logger: pino({ level: 'silent' }),
      overrides: [
        overrideService(tenancyServices.modules, modules),
        overrideService(greeterRef, { greet: (name) => `Hi ${name}` }),
      ],
    });
    expect(await problems(kernel, 'north', 'Adelheid')).toEqual(['Hi Adelheid: longer than 3']);
  });

  it('names a cycle between a contribution and the service consuming it', () => {
    const consumerRef = createServiceRef<unknown>({ id: 'loop.consumer' });
    const loop = definePlugin({
      id: 'loop',
      title: 'Loop',
      dependsOn: ['people'],
      register(env) {
        env.provideService(consumerRef, { deps: { rules: rulesPoint }, factory: () => ({}) });
        env.contributeWith(rulesPoint, {
          deps: { consumer: consumerRef },
          factory: () => ({ id: 'loop', check: async () => null }),
        });
      },
    });
    expect(() => start([peoplePlugin, loop], modules)).toThrow(
      'service dependency cycle: loop.consumer -> people.rules (extension point) -> loop.consumer',
    );
  });

  it('refuses to hand out a plugin configuration without knowing the plugin', () => {
    const kernel = start([peoplePlugin], modules);
    expect(() => kernel.services.get(coreServices.pluginConfig)).toThrow('asked for as a dependency');
  });
});
