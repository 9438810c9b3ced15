import { coreServices, defineJob, fieldErrorsOf, tenancyServices } from '@ulms/platform';
import type { TRPCError } from '@trpc/server';
import { bulkEditInput } from '../contracts/user.schema.js';
import { userDtoToFields } from './user-record.mapper.js';
import { usersServices } from './users-services.js';

const PROGRESS_EVERY = 50;

/**
 * Applies one change to every user a search finds, through the same save as a single edit (same rules,
 * same history). The users are locked while it runs, so they cannot be deleted under it.
 */
export const bulkEditUsersJob = defineJob({
  id: 'users.bulkEdit',
  title: 'Bulk edit users',
  paramsSchema: bulkEditInput,
  async run({ institutionId, params, services, progress, actor, jobId }) {
    const institution = await services.get(tenancyServices.institutions).findById(institutionId);
    if (!institution) throw new Error('the institution no longer exists');
    const prisma = services.get(coreServices.prisma);
    const users = services.get(usersServices.users);
    const targets = await services.get(usersServices.search).matching(institution, params.search);
    await prisma.userJobLock.createMany({ data: targets.map((t) => ({ userId: t.id, jobId })), skipDuplicates: true });
    const failed: { primaryId: string; errors: { field: string; message: string }[] }[] = [];
    let updated = 0;
    try {
      for (const [index, target] of targets.entries()) {
        try {
          const current = userDtoToFields(await users.get(institutionId, target.id));
          await users.update({ institutionId, actor, actorKind: 'job', job: jobId }, { ...current, ...params.changes, id: target.id });
          updated += 1;
        } catch (error) {
          const errors = fieldErrorsOf(error as TRPCError) ?? [{ field: '', message: (error as Error).message }];
          failed.push({ primaryId: target.primaryId, errors: [...errors] });
        }
        if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === targets.length) await progress(index + 1, targets.length);
      }
    } finally {
      await prisma.userJobLock.deleteMany({ where: { jobId } });
    }
    return { matched: targets.length, updated, failed };
  },
});
