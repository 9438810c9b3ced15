import { describe, expect, it } from 'vitest';
import { createExpiringCache } from './expiring-cache.js';

describe('expiring cache', () => {
  it('loads once until the time to live passes, then again', async () => {
    let clock = 0;
    let loads = 0;
    const cache = createExpiringCache<string, number>(100, {
      now: () => clock,
    });
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

  it('keeps at most its limit of keys, dropping expired ones first, then the oldest', async () => {
    let clock = 0;
    const cache = createExpiringCache<string, string>(100, {
      now: () => clock,
      maxEntries: 3,
    });
    const loads: string[] = [];
    const load = (key: string) => async () => {
      loads.push(key);
      return key;
    };
    await cache.get('old', load('old'));
    clock = 50;
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    clock = 120;
    await cache.get('c', load('c')); // over the limit: 'old' has expired and goes
    await cache.get('a', load('a'));
    await cache.get('d', load('d')); // over again, nothing expired: the oldest, 'a', goes
    await cache.get('b', load('b'));
    await cache.get('a', load('a'));
    expect(loads).toEqual(['old', 'a', 'b', 'c', 'd', 'a']);
  });
});
