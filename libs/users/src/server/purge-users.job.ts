import { coreServices, defineJob, tenancyServices } from '@ulms/platform';
import { z } from 'zod';
import { fromIsoDate, todayIn } from './dates.js';
import { usersServices } from './users-services.js';

const BATCH = 200;

interface PurgeReport {
  deleted: string[];
  skipped: { primaryId: string; reasons: string[] }[];
}

/** The checkpoint: the report so far, and the batch being deleted when it was written. */
interface PurgeCheckpoint extends PurgeReport {
  pending?: { id: string; primaryId: string }[];
}

/**
 * Whom an interrupted run deleted: its report, and those of the batch it was deleting that are gone now
 * (the run was killed between deleting them and writing that down).
 */
async function deletedBefore(
  checkpoint: unknown,
  stillThere: (ids: string[]) => Promise<Set<string>>,
): Promise<string[]> {
  const last = checkpoint as Partial<PurgeCheckpoint> | null;
  const deleted = Array.isArray(last?.deleted) ? last.deleted.filter((d): d is string => typeof d === 'string') : [];
  const pending = Array.isArray(last?.pending) ? last.pending : [];
  if (pending.length === 0) return deleted;
  const left = await stillThere(pending.map((p) => p.id));
  return [...deleted, ...pending.filter((p) => !left.has(p.id)).map((p) => p.primaryId)];
}

/**
 * Deletes users whose purge date has passed and whom no guard protects; reports both lists. The report is
 * kept around every batch, so a run cut short still tells whom it deleted; run again, it goes on from there.
 */
export const purgeUsersJob = defineJob({
  id: 'users.purge',
  title: 'Purge users',
  paramsSchema: z.object({}).default({}),
  resumable: true,
  async run({ institutionId, services, progress, checkpoint, previousReport, signal, actor, jobId }) {
    const institution = await services.get(tenancyServices.institutions).findById(institutionId);
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
    const deleted = await deletedBefore(previousReport, async (ids) => {
      const rows = await prisma.user.findMany({
        where: { id: { in: ids } },
        select: { id: true },
      });
      return new Set(rows.map((r) => r.id));
    });
    const skipped: PurgeReport['skipped'] = [];
    const primaryIdOf = new Map(candidates.map((c) => [c.id, c.primaryId]));
    for (let start = 0; start < candidates.length; start += BATCH) {
      signal.throwIfAborted();
      const pending = candidates.slice(start, start + BATCH);
      const batch = pending.map((c) => c.id);
      await checkpoint({ deleted, skipped, pending } satisfies PurgeCheckpoint);
      const result = await services
        .get(usersServices.deletion)
        .deleteUnguarded({ institutionId, actor, actorKind: 'job', job: jobId }, batch);
      deleted.push(...result.deleted.map((id) => primaryIdOf.get(id) ?? id));
      for (const [id, reasons] of result.skipped) skipped.push({ primaryId: primaryIdOf.get(id) ?? id, reasons });
      await checkpoint({ deleted, skipped } satisfies PurgeReport);
      await progress(Math.min(start + BATCH, candidates.length), candidates.length);
    }
    return { deleted, skipped } satisfies PurgeReport;
  },
});
