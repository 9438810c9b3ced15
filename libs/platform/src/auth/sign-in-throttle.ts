import type { PrismaClient } from '@prisma/client';

/**
 * Counts failed sign-ins per key (an account, an address) in a sliding window. The failures live in the
 * database, so the throttle holds across restarts and is shared by every server process.
 */
export interface SignInThrottle {
  /** Minutes until `key` may try again, or 0 when it may try now. */
  blockedFor(key: string, now?: number): Promise<number>;
  recordFailure(key: string, now?: number): Promise<void>;
  reset(key: string): Promise<void>;
}

export function createSignInThrottle(options: {
  prisma: PrismaClient;
  /** Keeps this throttle's keys apart from another's (`account`, `address`). */
  scope: string;
  maxFailures: number;
  windowMs: number;
}): SignInThrottle {
  const { prisma, maxFailures, windowMs } = options;
  const keyOf = (key: string) => `${options.scope}:${key}`;
  const since = (now: number) => new Date(now - windowMs);
  return {
    async blockedFor(key, now = Date.now()) {
      // The maxFailures-th most recent failure in the window: the throttle lifts when it leaves the window.
      const [oldestCounted] = await prisma.signInFailure.findMany({
        where: { key: keyOf(key), at: { gt: since(now) } },
        select: { at: true },
        orderBy: { at: 'desc' },
        skip: maxFailures - 1,
        take: 1,
      });
      if (!oldestCounted) return 0;
      return Math.max(1, Math.ceil((oldestCounted.at.getTime() + windowMs - now) / 60_000));
    },
    async recordFailure(key, now = Date.now()) {
      await prisma.$transaction([
        prisma.signInFailure.deleteMany({
          where: { key: keyOf(key), at: { lte: since(now) } },
        }),
        prisma.signInFailure.create({
          data: { key: keyOf(key), at: new Date(now) },
        }),
      ]);
    },
    async reset(key) {
      await prisma.signInFailure.deleteMany({ where: { key: keyOf(key) } });
    },
  };
}
