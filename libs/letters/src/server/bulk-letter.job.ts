import { coreServices, defineJob, tenancyServices } from '@ulms/platform';
import { isRestrictedForEditing, type UsersConfig, usersServices } from '@ulms/users/contracts';
import { z } from 'zod';
import { bulkLetterInput } from '../contracts/letter.schema.js';
import { LETTERS_MODULE } from '../contracts/letters-module.js';
import { letterComposerRef } from './letters-refs.js';
import { generalMail } from './letter-types/letters-letter-types.js';

const BATCH = 500;
const REPORTED_LIMIT = 100;

export const bulkLetterParams = bulkLetterInput.extend({
  /** Set from the starter's permissions: without `users.restricted-user.edit`, restricted users get no letter. */
  skipRestricted: z.boolean(),
});

export interface BulkLetterReport {
  readonly matched: number;
  readonly queued: number;
  readonly noEmail: number;
  readonly restricted: number;
  /** Up to 100 users who got no letter, with why. */
  readonly notSent: readonly { readonly primaryId: string; readonly reason: string }[];
}

/**
 * A General mail to every user a search finds (the reference's messaging users in bulk): rendered per user and
 * queued 500 at a time. Resumable: a run taken over skips the users this job already queued a letter for.
 */
export const bulkLetterJob = defineJob({
  id: `${LETTERS_MODULE}.bulkMessage`,
  title: 'Message users in bulk',
  paramsSchema: bulkLetterParams,
  resumable: true,
  async run({ institutionId, params, services, progress, checkpoint, signal, actor, jobId }) {
    const institution = await services.get(tenancyServices.institutions).findById(institutionId);
    if (!institution) throw new Error('the institution no longer exists');
    const prisma = services.get(coreServices.prisma);
    const composer = services.get(letterComposerRef);
    const users = services.get(usersServices.users);
    const [targets, prepared, usersConfig, done] = await Promise.all([
      services.get(usersServices.search).matching(institution, params.search),
      composer.prepare(institutionId, generalMail.id),
      services.get(tenancyServices.modules).config(institutionId, 'users') as Promise<UsersConfig>,
      prisma.letterOutbox.findMany({ where: { institutionId, jobId }, select: { userId: true } }),
    ]);
    const alreadyQueued = new Set(done.map((d) => d.userId));
    const report = {
      matched: targets.length,
      queued: alreadyQueued.size,
      noEmail: 0,
      restricted: 0,
      notSent: [] as { primaryId: string; reason: string }[],
    };
    const notSent = (primaryId: string, reason: string) => {
      if (report.notSent.length < REPORTED_LIMIT) report.notSent.push({ primaryId, reason });
    };
    await progress(0, targets.length);
    for (let start = 0; start < targets.length; start += BATCH) {
      if (signal.aborted) throw signal.reason;
      const batch = targets.slice(start, start + BATCH).filter((t) => !alreadyQueued.has(t.id));
      const rows = [];
      for (const user of await users.getMany(
        institutionId,
        batch.map((t) => t.id),
      )) {
        if (params.skipRestricted && isRestrictedForEditing(user, usersConfig.restrictedRoles)) {
          report.restricted += 1;
          notSent(user.primaryId, 'restricted for editing');
          continue;
        }
        const row = await prepared.compose(user, {
          data: { subject: params.subject, body: params.body },
          createdBy: actor,
          jobId,
        });
        if (row === 'noEmail') {
          report.noEmail += 1;
          notSent(user.primaryId, 'no preferred email address');
          continue;
        }
        rows.push(row);
      }
      await composer.queue(rows);
      report.queued += rows.length;
      await progress(Math.min(start + BATCH, targets.length), targets.length);
      await checkpoint(report);
    }
    return report satisfies BulkLetterReport;
  },
});
