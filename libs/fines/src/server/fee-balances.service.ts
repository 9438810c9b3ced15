import type { PrismaClient } from '@prisma/client';
import type { PluginConfig } from '@ulms/platform';
import { Decimal } from 'decimal.js';
import type { FinesConfig } from '../contracts/fines-config.schema.js';
import type { FeeBalances, UserBalances } from '../contracts/fines-services.js';
import { money } from './money.js';

/**
 * Users' balances from their fees' remaining balances, summed by user and status in one query: the active balance
 * leaves disputed fees out and counts transferred ones only when the institution allows activity on them.
 */
export function createFeeBalances(deps: {
  prisma: PrismaClient;
  config: PluginConfig<FinesConfig>;
  currencyOf: (institutionId: string) => Promise<string>;
}): FeeBalances {
  return {
    async balancesOf(institutionId, userIds) {
      const ids = [...new Set(userIds)];
      const [sums, config, currency] = await Promise.all([
        ids.length === 0
          ? Promise.resolve([])
          : deps.prisma.fee.groupBy({
              by: ['userId', 'status'],
              where: { institutionId, userId: { in: ids }, status: { in: ['ACTIVE', 'IN_DISPUTE', 'EXPORTED'] } },
              _sum: { remainingBalance: true },
            }),
        deps.config.for(institutionId),
        deps.currencyOf(institutionId),
      ]);
      const sumOf = (userId: string, status: string) =>
        new Decimal(
          sums.find((s) => s.userId === userId && s.status === status)?._sum.remainingBalance?.toString() ?? '0',
        );
      return new Map(
        ids.map((userId): [string, UserBalances] => {
          const transferred = sumOf(userId, 'EXPORTED');
          const active = sumOf(userId, 'ACTIVE').plus(config.allowActivityOnTransferred ? transferred : 0);
          return [
            userId,
            {
              active: money(active),
              disputed: money(sumOf(userId, 'IN_DISPUTE')),
              transferred: money(transferred),
              currency,
            },
          ];
        }),
      );
    },
  };
}
