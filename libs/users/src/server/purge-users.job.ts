import { coreServices, defineJob, tenancyServices } from '@ulms/platform';
import { z } from 'zod';
import { fromIsoDate, todayIn } from './dates.js';
import { usersServices } from './users-services.js';

const BATCH = 200;

/** Deletes users whose purge date has passed and whom no guard protects; reports both lists. */
export const purgeUsersJob = defineJob({
  id: 'users.purge',
  title: 'Purge users',
  paramsSchema: z.object({}).default({}),
  async run({ institutionId, services, progress, actor, jobId }) {
    const institution = await services.get(tenancyServices.institutions).findById(institutionId);
    if (!institution) throw new Error('the institution no longer exists');
    const prisma = services.get(coreServices.prisma);
    const candidates = await prisma.user.findMany({
      where: { institutionId, purgeDate: { lt: fromIsoDate(todayIn(institution.timeZone)) ?? undefined } },
      select: { id: true, primaryId: true },
      orderBy: { primaryId: 'asc' },
    });
    const deleted: string[] = [];
    const skipped: { primaryId: string; reasons: string[] }[] = [];
    const primaryIdOf = new Map(candidates.map((c) => [c.id, c.primaryId]));
    for (let start = 0; start < candidates.length; start += BATCH) {
      const batch = candidates.slice(start, start + BATCH).map((c) => c.id);
      const result = await services
        .get(usersServices.deletion)
        .deleteUnguarded({ institutionId, actor, actorKind: 'job', job: jobId }, batch);
      deleted.push(...result.deleted.map((id) => primaryIdOf.get(id) ?? id));
      for (const [id, reasons] of result.skipped) skipped.push({ primaryId: primaryIdOf.get(id) ?? id, reasons });
      await progress(Math.min(start + BATCH, candidates.length), candidates.length);
    }
    return { deleted, skipped };
  },
});
