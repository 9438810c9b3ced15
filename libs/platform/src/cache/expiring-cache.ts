/** Values kept per key for `ttlMs`: other server processes may change what is cached, and this bounds how long they disagree. */
export interface ExpiringCache<K, V> {
  /** The cached value, or what `load` gives (concurrent misses share one load). */
  get(key: K, load: () => Promise<V>): Promise<V>;
  /** Forgets `key`, after a change this process made. */
  delete(key: K): void;
}

const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * At most `maxEntries` keys are kept: past that, expired entries go first, then the oldest, so that
 * lookups of ever-new keys (random API keys, say) cannot grow the cache without bound.
 */
export function createExpiringCache<K, V>(
  ttlMs: number,
  options: { now?: () => number; maxEntries?: number } = {},
): ExpiringCache<K, V> {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const entries = new Map<K, { expiresAt: number; value: Promise<V> }>();
  const trim = () => {
    const time = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= time) entries.delete(key);
    for (const key of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(key);
    }
  };
  return {
    get(key, load) {
      const cached = entries.get(key);
      if (cached && cached.expiresAt > now()) return cached.value;
      const value = load();
      const entry = { expiresAt: now() + ttlMs, value };
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > maxEntries) trim();
      // A failed load is not remembered.
      value.catch(() => entries.get(key) === entry && entries.delete(key));
      return value;
    },
    delete(key) {
      entries.delete(key);
    },
  };
}
