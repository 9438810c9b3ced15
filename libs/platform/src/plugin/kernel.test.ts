import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Database } from '../database/database.js';
import { createExtensionPoint, createSingleExtensionPoint } from './extension-point.js';
import { startKernel } from './kernel.js';
import { type AnyPlugin, definePlugin } from './plugin-definition.js';
import { createServiceRef } from './service-ref.js';

// The kernel only hands the database to services; these tests build none that use it.
const database = { kind: 'pglite', prisma: {}, sql: {}, close: async () => undefined } as unknown as Database;
const start = (plugins: AnyPlugin[]) => startKernel({ plugins, database, logger: pino({ level: 'silent' }) });

interface Validator {
  readonly id: string;
  check(name: string): string | null;
}
const validatorsPoint = createExtensionPoint<Validator>({ id: 'people.validators' });
const storagePoint = createSingleExtensionPoint<{ put(): string }>({ id: 'people.storage' });
const checkerRef = createServiceRef<{ problems(name: string): string[] }>({ id: 'people.checker' });

const peoplePlugin = definePlugin({
  id: 'people',
  title: 'People',
  register(env) {
    env.declareExtensionPoint(validatorsPoint);
    env.declareExtensionPoint(storagePoint);
    env.provideService(checkerRef, {
      deps: { validators: validatorsPoint },
      factory: ({ validators }) => ({
        problems: (name) => validators.map((v) => v.check(name)).filter((p) => p !== null),
      }),
    });
  },
});

const noDigitsPlugin = definePlugin({
  id: 'no-digits',
  title: 'No digits in names',
  dependsOn: ['people'],
  register(env) {
    env.contribute(validatorsPoint, {
      id: 'no-digits',
      check: (name) => (/\d/.test(name) ? 'names have no digits' : null),
    });
  },
});

const storagePlugin = (id: string) =>
  definePlugin({
    id,
    title: id,
    dependsOn: ['people'],
    register(env) {
      env.contribute(storagePoint, { put: () => id });
    },
  });

describe('startKernel', () => {
  it('lets one plugin consume what another contributes to its extension point', () => {
    const kernel = start([noDigitsPlugin, peoplePlugin]);
    expect(kernel.plugins.map((p) => p.id)).toEqual(['people', 'no-digits']);
    expect(kernel.services.get(checkerRef).problems('R2D2')).toEqual(['names have no digits']);
    expect(kernel.services.get(checkerRef).problems('Ada')).toEqual([]);
  });

  it('refuses a second value for a single-value extension point', () => {
    expect(() => start([peoplePlugin, storagePlugin('disk'), storagePlugin('cloud')])).toThrow(
      'extension point "people.storage" takes a single value, already set by plugin "disk"; plugin "cloud" tried to set another',
    );
  });

  it('gives the single value of a single-value extension point', () => {
    const kernel = start([peoplePlugin, storagePlugin('disk')]);
    expect(kernel.services.extensions(storagePoint)[0]?.put()).toBe('disk');
  });

  it('refuses a contribution to an extension point no earlier plugin declared', () => {
    const rogue = definePlugin({
      id: 'rogue',
      title: 'Rogue',
      register(env) {
        env.contribute(validatorsPoint, { id: 'x', check: () => null });
      },
    });
    expect(() => start([rogue, peoplePlugin])).toThrow(
      'plugin "rogue" contributes to "people.validators", which no plugin declared before it',
    );
  });

  it('refuses two contributions with the same id', () => {
    const again = definePlugin({
      id: 'again',
      title: 'Again',
      dependsOn: ['people'],
      register(env) {
        env.contribute(validatorsPoint, { id: 'no-digits', check: () => null });
      },
    });
    expect(() => start([peoplePlugin, noDigitsPlugin, again])).toThrow(
      'already has a contribution with id "no-digits"',
    );
  });

  it('refuses an extension point named outside the declaring plugin', () => {
    const squatter = definePlugin({
      id: 'squatter',
      title: 'Squatter',
      register(env) {
        env.declareExtensionPoint(createExtensionPoint({ id: 'users.validators' }));
      },
    });
    expect(() => start([squatter])).toThrow('its id must start with "squatter."');
  });

  it('names a service dependency cycle', () => {
    const a = createServiceRef<unknown>({ id: 'loop.a' });
    const b = createServiceRef<unknown>({ id: 'loop.b' });
    const loop = definePlugin({
      id: 'loop',
      title: 'Loop',
      register(env) {
        env.provideService(a, { deps: { b }, factory: () => ({}) });
        env.provideService(b, { deps: { a }, factory: () => ({}) });
      },
    });
    expect(() => start([loop])).toThrow('service dependency cycle: loop.a -> loop.b -> loop.a');
  });

  it('names a service nobody provides', () => {
    const missing = createServiceRef<unknown>({ id: 'ghost.service' });
    const needy = definePlugin({
      id: 'needy',
      title: 'Needy',
      register(env) {
        env.provideService(createServiceRef({ id: 'needy.thing' }), { deps: { missing }, factory: () => ({}) });
      },
    });
    expect(() => start([needy])).toThrow('service "ghost.service" is not provided by any plugin');
  });

  it('refuses permission names outside the plugin or not shaped module.resource.action', () => {
    const bad = definePlugin({
      id: 'fines',
      title: 'Fines',
      permissions: { 'users.user.delete': { description: 'x', roles: [] } },
    });
    expect(() => start([bad])).toThrow('plugin "fines" declares permission "users.user.delete"');
  });
});
