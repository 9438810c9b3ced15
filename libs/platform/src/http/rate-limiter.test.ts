import { describe, expect, it } from 'vitest';
import { createRateLimiter, createRestRateLimiter, keyRateLimitFromEnv, rateLimitFromEnv } from './rate-limiter.js';

describe('the rate limiter', () => {
  it('allows the limit per key per second, then refuses until the next second', () => {
    let now = 10_000;
    const limiter = createRateLimiter(2, () => now);
    expect([limiter.allow('a'), limiter.allow('a'), limiter.allow('a'), limiter.allow('b')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    now += 1000;
    expect(limiter.allow('a')).toBe(true);
  });

  it('reads ALMA_API_RATE_LIMIT, defaulting to 1000', () => {
    expect(rateLimitFromEnv({ ALMA_API_RATE_LIMIT: '25' })).toBe(25);
    expect(rateLimitFromEnv({})).toBe(1000);
    expect(rateLimitFromEnv({ ALMA_API_RATE_LIMIT: 'many' })).toBe(1000);
  });

  it('reads ALMA_API_KEY_RATE_LIMIT, defaulting to half the institution limit', () => {
    expect(keyRateLimitFromEnv({ ALMA_API_KEY_RATE_LIMIT: '40' })).toBe(40);
    expect(keyRateLimitFromEnv({})).toBe(500);
    expect(keyRateLimitFromEnv({ ALMA_API_RATE_LIMIT: '25' })).toBe(13);
    expect(keyRateLimitFromEnv({ ALMA_API_RATE_LIMIT: '1' })).toBe(1);
    expect(keyRateLimitFromEnv({ ALMA_API_KEY_RATE_LIMIT: '0' })).toBe(500);
  });
});

describe('the REST limits per key and per institution', () => {
  it('stops one key at its own limit and leaves the rest of the institution budget to its other keys', () => {
    let now = 5_000;
    const limiter = createRestRateLimiter({ perInstitution: 4, perKey: 2 }, () => now);
    const a = { keyId: 'a', institutionId: 'i' };
    const b = { keyId: 'b', institutionId: 'i' };
    const c = { keyId: 'c', institutionId: 'i' };
    expect([limiter.check(a), limiter.check(a), limiter.check(a), limiter.check(a)]).toEqual([
      null,
      null,
      'apiKey',
      'apiKey',
    ]);
    // The refused requests of "a" did not count against the institution: "b" still gets its two.
    expect([limiter.check(b), limiter.check(b)]).toEqual([null, null]);
    expect(limiter.check(c)).toBe('institution');
    expect(limiter.check({ keyId: 'd', institutionId: 'other' })).toBeNull();
    now += 1000;
    expect(limiter.check(a)).toBeNull();
  });
});
