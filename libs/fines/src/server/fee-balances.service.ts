import type { PluginConfig, SqlRunner } from '@ulms/platform';
import { Decimal } from 'decimal.js';
import type { FinesConfig } from '../contracts/fines-config.schema.js';
import type { DebtStanding, FeeBalances, UserBalances } from '../contracts/fines-services.js';
import { money } from './money.js';

// Prepared once per connection (its plan, the (institution, user, status) index, does not depend on the users):
// 0.17 ms for one user where Prisma's groupBy took 1.0-1.2 ms, most of it compiling the query (the bench's
// debt-limit check and Find and Manage Users' Fines column run it on every call).
const BALANCES = `SELECT "userId", status, sum("remainingBalance")::text AS balance FROM "Fee"
  WHERE "institutionId" = $1::uuid AND "userId" = ANY($2::uuid[]) AND status IN ('ACTIVE', 'IN_DISPUTE', 'EXPORTED')
  GROUP BY "userId", status`;

/**
 * Users' balances from their fees' remaining balances, summed by user and status in one query: the active balance
 * leaves disputed fees out and counts transferred ones only when the institution allows activity on them.
 */
export function createFeeBalances(deps: {
  sql: SqlRunner;
  config: PluginConfig<FinesConfig>;
  currencyOf: (institutionId: string) => Promise<string>;
}): FeeBalances {
  const balances: FeeBalances = {
    async balancesOf(institutionId, userIds) {
      const ids = [...new Set(userIds)];
      const [sums, config, currency] = await Promise.all([
        ids.length === 0
          ? Promise.resolve([])
          : deps.sql.query<{ userId: string; status: string; balance: string }>(BALANCES, [institutionId, ids], {
              name: 'fines.balancesOf',
            }),
        deps.config.for(institutionId),
        deps.currencyOf(institutionId),
      ]);
      const sumOf = (userId: string, status: string) =>
        new Decimal(sums.find((s) => s.userId === userId && s.status === status)?.balance ?? '0');
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

    async debtOf(institutionId, users) {
      const [owed, config] = await Promise.all([
        balances.balancesOf(
          institutionId,
          users.map((u) => u.id),
        ),
        deps.config.for(institutionId),
      ]);
      return new Map(
        users.map((user): [string, DebtStanding] => {
          const { active, currency } = owed.get(user.id) as UserBalances;
          const limit = config.debtLimits.find((l) => l.userGroup === user.userGroup)?.limit ?? null;
          const reached = limit !== null && new Decimal(active).greaterThanOrEqualTo(limit);
          return [
            user.id,
            { owed: active, limit: limit === null ? null : money(limit), limitReached: reached, currency },
          ];
        }),
      );
    },
  };
  return balances;
}
