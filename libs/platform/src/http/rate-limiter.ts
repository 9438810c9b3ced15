/** Counts requests per key in one-second windows. */
export interface RateLimiter {
  /** Counts a request for `key`; false when the key is over its limit in the current second. */
  allow(key: string): boolean;
}

/** A fixed-window limiter of `perSecond` requests for each key (the REST API keys it by institution). */
export function createRateLimiter(perSecond: number, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { second: number; count: number }>();
  return {
    allow(key) {
      const second = Math.floor(now() / 1000);
      const current = windows.get(key);
      if (!current || current.second !== second) {
        windows.set(key, { second, count: 1 });
        return true;
      }
      current.count += 1;
      return current.count <= perSecond;
    },
  };
}

/** Requests per second per institution from `ALMA_API_RATE_LIMIT`; 1000 when unset. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env['ALMA_API_RATE_LIMIT']);
  return Number.isInteger(configured) && configured > 0 ? configured : 1000;
}
