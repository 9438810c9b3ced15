/** Values kept per key for `ttlMs`: other server processes may change what is cached, and this bounds how long they disagree. */
export interface ExpiringCache<K, V> {
  /** The cached value, or what `load` gives (concurrent misses share one load). */
  get(key: K, load: () => Promise<V>): Promise<V>;
  /** Forgets `key`, after a change this process made. */
  delete(key: K): void;
}

export function createExpiringCache<K, V>(ttlMs: number, now: () => number = Date.now): ExpiringCache<K, V> {
  const entries = new Map<K, { expiresAt: number; value: Promise<V> }>();
  return {
    get(key, load) {
      const cached = entries.get(key);
      if (cached && cached.expiresAt > now()) return cached.value;
      const value = load();
      const entry = { expiresAt: now() + ttlMs, value };
      entries.set(key, entry);
      // A failed load is not remembered.
      value.catch(() => entries.get(key) === entry && entries.delete(key));
      return value;
    },
    delete(key) {
      entries.delete(key);
    },
  };
}
