import { describe, expect, it } from 'vitest';
import { definePlugin } from './plugin-definition.js';
import { orderPlugins } from './plugin-order.js';

const plugin = (id: string, dependsOn: string[] = []) => definePlugin({ id, title: id, dependsOn });

describe('orderPlugins', () => {
  it('puts every plugin after the plugins it depends on', () => {
    const ordered = orderPlugins([
      plugin('letters', ['users', 'fines']),
      plugin('fines', ['users']),
      plugin('users'),
    ]).map((p) => p.id);
    expect(ordered).toEqual(['users', 'fines', 'letters']);
  });

  it('names a missing dependency', () => {
    expect(() => orderPlugins([plugin('fines', ['users'])])).toThrow(
      'plugin "fines" depends on "users", which is not installed',
    );
  });

  it('names the plugins of a cycle', () => {
    expect(() => orderPlugins([plugin('a', ['b']), plugin('b', ['c']), plugin('c', ['a'])])).toThrow(
      'plugin dependency cycle: a -> b -> c -> a',
    );
  });

  it('refuses a duplicate id', () => {
    expect(() => orderPlugins([plugin('users'), plugin('users')])).toThrow('plugin id "users" is installed twice');
  });

  it('refuses an id that is not kebab-case', () => {
    expect(() => orderPlugins([plugin('MyPlugin')])).toThrow('plugin id "MyPlugin" is not kebab-case');
  });
});
