import { NotFoundError, parseInput, ValidationError } from '@ulms/platform';
import type { UserPartsService } from '../contracts/user-parts-service.js';
import { addStatisticInput, type StatisticDto } from '../contracts/user-parts.schema.js';
import { onlyStatistics, statisticSelect } from './owned-lists.js';
import { recordPartChange } from './user-part-change.writer.js';
import type { UserPartsServiceDeps } from './user-parts.deps.js';
import type { UserPartsReader } from './user-parts.reader.js';
import { checkOwnerInScope, checkSegment, ownedPartOf } from './user-parts.rules.js';

/** A user's statistics: listed in the viewer's library scope, added against the code tables, removed. */
export function createUserStatisticsOperations(
  deps: Pick<UserPartsServiceDeps, 'prisma' | 'transactions' | 'codeTables'> & { reader: UserPartsReader },
): Pick<UserPartsService, 'listStatistics' | 'addStatistic' | 'removeStatistic'> {
  const { prisma, transactions } = deps;
  const { userOf, ownerLibraryId, listOwned, withOwnerCode } = deps.reader;
  return {
    listStatistics: async (viewer, userId) =>
      (await listOwned(viewer, userId, onlyStatistics)).statistics as StatisticDto[],
    async addStatistic(by, input) {
      const statistic = parseInput(addStatisticInput, input);
      const user = await userOf(by.institutionId, statistic.userId);
      checkSegment(user.accountType, statistic.segmentType);
      const lookups = await deps.codeTables.lookups(by.institutionId);
      const errors = [
        ...(lookups.codeAllows('STATISTIC_CATEGORY_TYPE', statistic.categoryType)
          ? []
          : [
              {
                field: 'categoryType',
                message: `"${statistic.categoryType}" is not a statistical category type of this institution`,
              },
            ]),
        ...(lookups.codeAllows('STATISTIC_CATEGORY', statistic.category)
          ? []
          : [
              {
                field: 'category',
                message: `"${statistic.category}" is not a statistical category of this institution`,
              },
            ]),
      ];
      if (errors.length) throw new ValidationError(errors);
      const ownerId = await ownerLibraryId(by.institutionId, statistic.ownerLibrary);
      checkOwnerInScope(by, ownerId);
      const row = await transactions.run(async ({ tx }) => {
        const created = await tx.userStatistic.create({
          data: {
            institutionId: by.institutionId,
            userId: user.id,
            categoryType: statistic.categoryType,
            category: statistic.category,
            note: statistic.note ?? null,
            ownerLibraryId: ownerId,
            segmentType: statistic.segmentType,
            createdBy: by.actor,
          },
          select: statisticSelect,
        });
        await recordPartChange(tx, by, user.id, null);
        return created;
      });
      return (await withOwnerCode(by.institutionId, row)) as StatisticDto;
    },
    async removeStatistic(by, userId, id) {
      await userOf(by.institutionId, userId);
      const { count } = await prisma.userStatistic.deleteMany({ where: ownedPartOf(by, userId, id) });
      if (count === 0) throw new NotFoundError('statistic');
    },
  };
}
