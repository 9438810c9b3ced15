/** Counts requests per key in one-second windows. */
export interface RateLimiter {
  /** Counts a request for `key`; false when the key is over its limit in the current second. */
  allow(key: string): boolean;
}

// Windows of past seconds are dropped once this many keys are counted, so the map cannot grow without bound.
const PRUNE_ABOVE_KEYS = 10_000;

/** A fixed-window limiter of `perSecond` requests for each key. */
export function createRateLimiter(perSecond: number, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { second: number; count: number }>();
  return {
    allow(key) {
      const second = Math.floor(now() / 1000);
      const current = windows.get(key);
      if (!current || current.second !== second) {
        if (!current && windows.size >= PRUNE_ABOVE_KEYS) {
          for (const [k, w] of windows) if (w.second !== second) windows.delete(k);
        }
        windows.set(key, { second, count: 1 });
        return true;
      }
      current.count += 1;
      return current.count <= perSecond;
    },
  };
}

/** Why a REST request was refused for its rate, or null when it may go on. */
export type RestRateVerdict = 'apiKey' | 'institution' | null;

/** The REST API's two limits: requests per second per API key, and per institution (all its keys together). */
export interface RestRateLimiter {
  check(caller: { keyId: string; institutionId: string }): RestRateVerdict;
}

/**
 * A key over its own limit is refused without counting against its institution, so one busy key cannot use
 * up the budget its institution's other keys share.
 */
export function createRestRateLimiter(
  limits: { perInstitution: number; perKey: number },
  now: () => number = Date.now,
): RestRateLimiter {
  const byKey = createRateLimiter(limits.perKey, now);
  const byInstitution = createRateLimiter(limits.perInstitution, now);
  return {
    check({ keyId, institutionId }) {
      if (!byKey.allow(keyId)) return 'apiKey';
      if (!byInstitution.allow(institutionId)) return 'institution';
      return null;
    },
  };
}

const positiveInteger = (value: string | undefined): number | undefined => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n > 0 ? n : undefined;
};

/** Requests per second per institution from `ALMA_API_RATE_LIMIT`; 1000 when unset. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger(env['ALMA_API_RATE_LIMIT']) ?? 1000;
}

/** The default per-key limit: half the institution's, so a second key of the institution always has room. */
export const defaultKeyRateLimit = (perInstitution: number): number => Math.max(1, Math.ceil(perInstitution / 2));

/** Requests per second per API key from `ALMA_API_KEY_RATE_LIMIT`; half the institution's limit when unset. */
export function keyRateLimitFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  perInstitution: number = rateLimitFromEnv(env),
): number {
  return positiveInteger(env['ALMA_API_KEY_RATE_LIMIT']) ?? defaultKeyRateLimit(perInstitution);
}
