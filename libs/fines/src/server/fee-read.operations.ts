import { NotFoundError, parseInput } from '@ulms/platform';
import { Decimal } from 'decimal.js';
import {
  balancesInput,
  FEE_STATUSES,
  type FeeDetailsDto,
  feeIdInput,
  type FeeLedgerEntryDto,
  type FeePage,
  listFeesInput,
} from '../contracts/fee.schema.js';
import type { FinesConfig } from '../contracts/fines-config.schema.js';
import { finesExtensionPoints } from '../contracts/fines-extension-points.js';
import type { BalanceSummary, FeeBalances } from '../contracts/fines-services.js';
import type { FeeActor } from './fee-actor.js';
import { feeDto, feeDtos } from './fee-dto.js';
import type { FeeOperationsDeps } from './fee-operations.deps.js';
import { toLedgerEntryDto } from './fee.mapper.js';
import type { FeeRow } from './fee.rows.js';
import { refundableIn } from './fee-refundable.js';
import { money } from './money.js';

/** The first loan a linked-loan source names for the fee, where one is enabled. */
async function linkedLoanOf(deps: FeeOperationsDeps, institutionId: string, fee: FeeRow) {
  for (const source of await deps.extensions.for(finesExtensionPoints.linkedLoans, institutionId)) {
    const loan = await source.loanOf(institutionId, fee);
    if (loan) return loan;
  }
  return null;
}

/** A user's fees, page by page, one fee with its ledger, and a user's balances. */
export function createFeeReadOperations(deps: FeeOperationsDeps & { balances: FeeBalances }) {
  return {
    async list(by: Pick<FeeActor, 'institution'>, raw: unknown): Promise<FeePage> {
      const input = parseInput(listFeesInput, raw);
      await deps.users.requireExisting(by.institution.id, input.userId);
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
        deps.prisma.fee.groupBy({ by: ['status'], where, _sum: { remainingBalance: true } }),
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
        filteredTotal: money(sumOf([...FEE_STATUSES])),
        currency: by.institution.defaultCurrency,
      };
    },

    async get(by: Pick<FeeActor, 'institution'>, raw: unknown): Promise<FeeDetailsDto> {
      const input = parseInput(feeIdInput, raw);
      const row = await deps.prisma.fee.findFirst({
        where: { id: input.id, institutionId: by.institution.id },
        include: { ledger: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
      });
      if (!row) throw new NotFoundError('fee');
      const { ledger, ...fee } = row;
      const [dto, linkedLoan] = await Promise.all([feeDto(deps, by, fee), linkedLoanOf(deps, by.institution.id, fee)]);
      return { ...dto, ledger: ledger.map(toLedgerEntryDto), refundable: money(refundableIn(ledger)), linkedLoan };
    },

    /** The institution's fines configuration, as the actions apply it. */
    configOf(by: Pick<FeeActor, 'institution'>): Promise<FinesConfig> {
      return deps.config.for(by.institution.id);
    },

    /** The ledgers of `feeIds` (of the caller's institution), oldest action first, in one query. */
    async ledgersOf(
      by: Pick<FeeActor, 'institution'>,
      feeIds: readonly string[],
    ): Promise<ReadonlyMap<string, FeeLedgerEntryDto[]>> {
      const entries = await deps.prisma.feeLedgerEntry.findMany({
        where: { feeId: { in: [...feeIds] }, fee: { institutionId: by.institution.id } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      const ledgers = new Map(feeIds.map((id): [string, FeeLedgerEntryDto[]] => [id, []]));
      for (const entry of entries) ledgers.get(entry.feeId)?.push(toLedgerEntryDto(entry));
      return ledgers;
    },

    /** The summary area: the user's balances, and the fines still accruing that other plugins report. */
    async balances(by: Pick<FeeActor, 'institution'>, raw: unknown): Promise<BalanceSummary> {
      const input = parseInput(balancesInput, raw);
      await deps.users.requireExisting(by.institution.id, input.userId);
      const [balances, sources] = await Promise.all([
        deps.balances.balancesOf(by.institution.id, [input.userId]),
        deps.extensions.for(finesExtensionPoints.accruedFines, by.institution.id),
      ]);
      const accrued = await Promise.all(sources.map((s) => s.accruedOf(by.institution.id, [input.userId])));
      const total = accrued.reduce((sum, each) => sum.plus(each.get(input.userId) ?? 0), new Decimal(0));
      return { ...(balances.get(input.userId) as BalanceSummary), accrued: money(total) };
    },
  };
}
