import { describe, expect, it } from 'vitest';
import { createExpiringCache } from './expiring-cache.js';

describe('expiring cache', () => {
  it('loads once until the time to live passes, then again', async () => {
    let clock = 0;
    let loads = 0;
    const cache = createExpiringCache<string, number>(100, () => clock);
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    clock = 99;
    expect(await cache.get('a', load)).toBe(1);
    clock = 100;
    expect(await cache.get('a', load)).toBe(2);
  });

  it('shares one load between concurrent misses', async () => {
    let loads = 0;
    const cache = createExpiringCache<string, number>(1_000);
    const load = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return loads;
    };
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    expect(loads).toBe(1);
  });

  it('forgets a deleted key and a failed load', async () => {
    let loads = 0;
    const cache = createExpiringCache<string, number>(1_000);
    await cache.get('a', async () => ++loads);
    cache.delete('a');
    expect(await cache.get('a', async () => ++loads)).toBe(2);
    await expect(cache.get('b', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('b', async () => 7)).toBe(7);
  });
});
