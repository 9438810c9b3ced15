import { coreServices, defineJob, tenancyServices } from '@ulms/platform';
import { z } from 'zod';
import { fromIsoDate, todayIn } from './dates.js';
import { usersServices } from './users-services.js';

const BATCH = 200;

interface PurgeReport {
  deleted: string[];
  skipped: { primaryId: string; reasons: string[] }[];
}

/** The users an interrupted run already deleted, from its last checkpoint. */
const deletedBefore = (report: unknown): string[] => {
  const deleted = (report as Partial<PurgeReport> | null)?.deleted;
  return Array.isArray(deleted)
    ? deleted.filter((d): d is string => typeof d === 'string')
    : [];
};

/**
 * Deletes users whose purge date has passed and whom no guard protects; reports both lists. The report is
 * kept after every batch, so a run cut short still tells whom it deleted; run again, it goes on from there.
 */
export const purgeUsersJob = defineJob({
  id: 'users.purge',
  title: 'Purge users',
  paramsSchema: z.object({}).default({}),
  resumable: true,
  async run({
    institutionId,
    services,
    progress,
    checkpoint,
    previousReport,
    signal,
    actor,
    jobId,
  }) {
    const institution = await services
      .get(tenancyServices.institutions)
      .findById(institutionId);
    if (!institution) throw new Error('the institution no longer exists');
    const prisma = services.get(coreServices.prisma);
    const candidates = await prisma.user.findMany({
      where: {
        institutionId,
        purgeDate: {
          lt: fromIsoDate(todayIn(institution.timeZone)) ?? undefined,
        },
      },
      select: { id: true, primaryId: true },
      orderBy: { primaryId: 'asc' },
    });
    const deleted = deletedBefore(previousReport);
    const skipped: PurgeReport['skipped'] = [];
    const primaryIdOf = new Map(candidates.map((c) => [c.id, c.primaryId]));
    for (let start = 0; start < candidates.length; start += BATCH) {
      signal.throwIfAborted();
      const batch = candidates.slice(start, start + BATCH).map((c) => c.id);
      const result = await services
        .get(usersServices.deletion)
        .deleteUnguarded(
          { institutionId, actor, actorKind: 'job', job: jobId },
          batch,
        );
      deleted.push(...result.deleted.map((id) => primaryIdOf.get(id) ?? id));
      for (const [id, reasons] of result.skipped)
        skipped.push({ primaryId: primaryIdOf.get(id) ?? id, reasons });
      await checkpoint({ deleted, skipped } satisfies PurgeReport);
      await progress(
        Math.min(start + BATCH, candidates.length),
        candidates.length,
      );
    }
    return { deleted, skipped } satisfies PurgeReport;
  },
});
