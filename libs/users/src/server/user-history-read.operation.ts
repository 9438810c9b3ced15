import { ownerLibraryFilter } from '@ulms/platform';
import { historyFields } from '../contracts/user-codes.js';
import type { UserPartsService } from '../contracts/user-parts-service.js';
import type { UserPartsServiceDeps } from './user-parts.deps.js';
import type { UserPartsReader } from './user-parts.reader.js';

/** A user's History tab, a page at a time, in the viewer's library scope. */
export function createUserHistoryReadOperation(
  deps: Pick<UserPartsServiceDeps, 'prisma'> & { reader: UserPartsReader },
): Pick<UserPartsService, 'history'> {
  const { prisma } = deps;
  return {
    async history(viewer, userId, options) {
      const institutionId = viewer.institution.id;
      await deps.reader.userOf(institutionId, userId);
      const where = {
        userId,
        institutionId,
        ...(options.field ? { field: options.field } : {}),
        ...ownerLibraryFilter(viewer.institution, viewer.principal),
      };
      const [total, rows] = await Promise.all([
        prisma.userHistoryEntry.count({ where }),
        prisma.userHistoryEntry.findMany({
          where,
          select: {
            id: true,
            field: true,
            oldValue: true,
            newValue: true,
            actorKind: true,
            actor: true,
            at: true,
          },
          orderBy: [{ at: 'desc' }, { id: 'asc' }],
          skip: options.page * options.pageSize,
          take: options.pageSize,
        }),
      ]);
      return {
        total,
        entries: rows.map((r) => ({
          ...r,
          fieldLabel: historyFields[r.field as keyof typeof historyFields] ?? r.field,
        })),
      };
    },
  };
}
