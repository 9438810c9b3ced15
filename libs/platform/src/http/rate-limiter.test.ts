import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimitFromEnv } from './rate-limiter.js';

describe('the rate limiter', () => {
  it('allows the limit per key per second, then refuses until the next second', () => {
    let now = 10_000;
    const limiter = createRateLimiter(2, () => now);
    expect([limiter.allow('a'), limiter.allow('a'), limiter.allow('a'), limiter.allow('b')]).toEqual([true, true, false, true]);
    now += 1000;
    expect(limiter.allow('a')).toBe(true);
  });

  it('reads ALMA_API_RATE_LIMIT, defaulting to 1000', () => {
    expect(rateLimitFromEnv({ ALMA_API_RATE_LIMIT: '25' })).toBe(25);
    expect(rateLimitFromEnv({})).toBe(1000);
    expect(rateLimitFromEnv({ ALMA_API_RATE_LIMIT: 'many' })).toBe(1000);
  });
});
