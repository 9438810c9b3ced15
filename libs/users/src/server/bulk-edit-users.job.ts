import { coreServices, defineJob, fieldErrorsOf, tenancyServices } from '@ulms/platform';
import type { FieldError } from '@ulms/platform/contracts';
import { bulkEditInput } from '../contracts/user.schema.js';
import type { BulkChanges } from './user-bulk-update.js';
import { userDtoToFields } from '../contracts/user-fields.js';
import type { UserChangeActor } from './change-actor.js';
import { usersServices } from './users-services.js';

const BATCH = 500;
type Services = Parameters<(typeof bulkEditUsersJob)['run']>[0]['services'];

/** The one-by-one path: every rule of a single save, for institutions whose rules need whole records. */
async function updateOneByOne(services: Services, by: UserChangeActor, ids: readonly string[], changes: BulkChanges) {
  const users = services.get(usersServices.users);
  const updated: string[] = [];
  const failed = new Map<string, FieldError[]>();
  for (const id of ids) {
    try {
      const current = userDtoToFields(await users.get(by.institutionId, id));
      await users.update(by, { ...current, ...changes, id });
      updated.push(id);
    } catch (error) {
      failed.set(id, [...(fieldErrorsOf(error) ?? [{ field: '', message: (error as Error).message }])]);
    }
  }
  return { updated, failed };
}

/**
 * Applies one change to every user a search finds, with the rules and history of a single edit, set by
 * set. The users are locked while it runs, so they cannot be deleted under it.
 */
export const bulkEditUsersJob = defineJob({
  id: 'users.bulkEdit',
  title: 'Bulk edit users',
  paramsSchema: bulkEditInput,
  // Setting the same values again changes nothing more, and the users still match the search.
  resumable: true,
  async release({ jobId, services }) {
    await services.get(coreServices.prisma).userJobLock.deleteMany({ where: { jobId } });
  },
  async run({ institutionId, params, services, progress, signal, actor, jobId }) {
    const institution = await services.get(tenancyServices.institutions).findById(institutionId);
    if (!institution) throw new Error('the institution no longer exists');
    const prisma = services.get(coreServices.prisma);
    const targets = await services.get(usersServices.search).matching(institution, params.search);
    const primaryIdOf = new Map(targets.map((t) => [t.id, t.primaryId]));
    const by: UserChangeActor = {
      institutionId,
      actor,
      actorKind: 'job',
      job: jobId,
    };
    await prisma.userJobLock.createMany({
      data: targets.map((t) => ({ userId: t.id, jobId })),
      skipDuplicates: true,
    });
    const failed: { primaryId: string; errors: FieldError[] }[] = [];
    let updated = 0;
    try {
      for (let start = 0; start < targets.length; start += BATCH) {
        signal.throwIfAborted();
        const ids = targets.slice(start, start + BATCH).map((t) => t.id);
        const outcome =
          (await services.get(usersServices.bulkUpdater).bulkUpdate(by, ids, params.changes)) ??
          (await updateOneByOne(services, by, ids, params.changes));
        updated += outcome.updated.length;
        for (const [id, errors] of outcome.failed) failed.push({ primaryId: primaryIdOf.get(id) ?? id, errors });
        await progress(Math.min(start + BATCH, targets.length), targets.length);
      }
    } finally {
      await prisma.userJobLock.deleteMany({ where: { jobId } });
    }
    return { matched: targets.length, updated, failed };
  },
});
