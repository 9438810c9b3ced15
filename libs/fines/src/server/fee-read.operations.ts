import { NotFoundError, parseInput } from '@ulms/platform';
import { Decimal } from 'decimal.js';
import {
  balancesInput,
  feeIdInput,
  type FeeDto,
  type FeeLedgerEntryDto,
  type FeePage,
  listFeesInput,
} from '../contracts/fee.schema.js';
import type { FeeBalances, UserBalances } from '../contracts/fines-services.js';
import type { FeeActor } from './fee-actor.js';
import { feeDto, feeDtos } from './fee-dto.js';
import type { FeeOperationsDeps } from './fee-operations.deps.js';
import { toLedgerEntryDto } from './fee.mapper.js';
import { money } from './money.js';

/** A user's fees, page by page, one fee with its ledger, and a user's balances. */
export function createFeeReadOperations(deps: FeeOperationsDeps & { balances: FeeBalances }) {
  return {
    async list(by: Pick<FeeActor, 'institution'>, raw: unknown): Promise<FeePage> {
      const input = parseInput(listFeesInput, raw);
      await deps.users.get(by.institution.id, input.userId);
      const where = {
        institutionId: by.institution.id,
        userId: input.userId,
        ...(input.status ? { status: input.status } : {}),
        ...(input.type ? { typeCode: input.type } : {}),
      };
      const [rows, total, sums, config] = await Promise.all([
        deps.prisma.fee.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          skip: input.offset,
          take: input.limit,
        }),
        deps.prisma.fee.count({ where }),
        deps.prisma.fee.groupBy({
          by: ['status'],
          where: { ...where, status: input.status ?? { in: ['ACTIVE', 'IN_DISPUTE', 'EXPORTED'] } },
          _sum: { remainingBalance: true },
        }),
        deps.config.for(by.institution.id),
      ]);
      const sumOf = (statuses: string[]) =>
        sums
          .filter((s) => statuses.includes(s.status))
          .reduce((sum, s) => sum.plus(s._sum.remainingBalance?.toString() ?? '0'), new Decimal(0));
      return {
        fees: await feeDtos(deps, by, rows),
        total,
        filteredBalance: money(sumOf(config.allowActivityOnTransferred ? ['ACTIVE', 'EXPORTED'] : ['ACTIVE'])),
        filteredDisputedBalance: money(sumOf(['IN_DISPUTE'])),
        currency: by.institution.defaultCurrency,
      };
    },

    async get(by: Pick<FeeActor, 'institution'>, raw: unknown): Promise<FeeDto & { ledger: FeeLedgerEntryDto[] }> {
      const input = parseInput(feeIdInput, raw);
      const row = await deps.prisma.fee.findFirst({
        where: { id: input.id, institutionId: by.institution.id },
        include: { ledger: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
      });
      if (!row) throw new NotFoundError('fee');
      const { ledger, ...fee } = row;
      return { ...(await feeDto(deps, by, fee)), ledger: ledger.map(toLedgerEntryDto) };
    },

    async balances(by: Pick<FeeActor, 'institution'>, raw: unknown): Promise<UserBalances> {
      const input = parseInput(balancesInput, raw);
      await deps.users.get(by.institution.id, input.userId);
      const balances = await deps.balances.balancesOf(by.institution.id, [input.userId]);
      return balances.get(input.userId) as UserBalances;
    },
  };
}
