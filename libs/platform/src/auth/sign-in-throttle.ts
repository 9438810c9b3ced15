/** Counts failed sign-ins per key (an account, an address) in a sliding window. */
export interface SignInThrottle {
  /** Minutes until `key` may try again, or 0 when it may try now. */
  blockedFor(key: string, now?: number): number;
  recordFailure(key: string, now?: number): void;
  reset(key: string): void;
}

export function createSignInThrottle(options: { maxFailures: number; windowMs: number }): SignInThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((t) => now - t < options.windowMs);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  return {
    blockedFor(key, now = Date.now()) {
      const times = recent(key, now);
      if (times.length < options.maxFailures) return 0;
      const oldest = times[times.length - options.maxFailures] ?? now;
      return Math.max(1, Math.ceil((oldest + options.windowMs - now) / 60_000));
    },
    recordFailure(key, now = Date.now()) {
      failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
