import type { PrismaClient } from '@prisma/client';
import { type CredentialService, type EnabledExtensions, NotFoundError, type Transactions } from '@ulms/platform';
import { usersEvents } from '../contracts/users-events.js';
import {
  type AttachmentStorage,
  type UserDeletionGuard,
  usersExtensionPoints,
} from '../contracts/users-extension-points.js';
import type { UserChangeActor } from '../contracts/service-callers.js';
import type { UserDeletionService } from '../contracts/user-deletion-service.js';
import { guardLastAdministrator, lastAdministratorDeletionGuard } from './last-administrator.guard.js';

// Moved to the contracts; kept here for those who import it from here.
export type { UserDeletionService } from '../contracts/user-deletion-service.js';

/** The core's own guard: a user a running job is working on stays until the job ends. */
export function lockedByJobGuard(prisma: PrismaClient): UserDeletionGuard {
  return {
    id: 'locked-by-job',
    async reasons(_institutionId, userIds) {
      const locks = await prisma.userJobLock.findMany({
        where: { userId: { in: [...userIds] } },
        select: { userId: true },
      });
      return new Map(locks.map((l) => [l.userId, ['the user record is locked by a running job']]));
    },
  };
}

export function createUserDeletionService(deps: {
  prisma: PrismaClient;
  transactions: Transactions;
  extensions: EnabledExtensions;
  /** The kernel's passwords and sessions: a deleted user's go with the record. */
  credentials: CredentialService;
  storage: (institutionId: string) => Promise<AttachmentStorage>;
}): UserDeletionService {
  const { prisma } = deps;
  const coreGuards = [lockedByJobGuard(prisma), lastAdministratorDeletionGuard(prisma)];

  const reasons = async (institutionId: string, userIds: readonly string[]) => {
    const guards = [...coreGuards, ...(await deps.extensions.for(usersExtensionPoints.deletionGuards, institutionId))];
    const all = new Map<string, string[]>();
    for (const found of await Promise.all(guards.map((g) => g.reasons(institutionId, userIds)))) {
      for (const [userId, list] of found) all.set(userId, [...(all.get(userId) ?? []), ...list]);
    }
    return all;
  };

  const remove = async (by: UserChangeActor, userIds: readonly string[]) => {
    const users = await prisma.user.findMany({
      where: { id: { in: [...userIds] }, institutionId: by.institutionId },
      select: { id: true, primaryId: true, attachments: { select: { storageKey: true } } },
    });
    await deps.transactions.run(async ({ tx, raise }) => {
      const checkAdministrators = await guardLastAdministrator(tx, by.institutionId);
      await tx.user.deleteMany({ where: { id: { in: users.map((u) => u.id) }, institutionId: by.institutionId } });
      await deps.credentials.forget(
        users.map((u) => u.id),
        tx,
      );
      await checkAdministrators();
      for (const user of users) {
        raise(usersEvents.userDeleted, {
          institutionId: by.institutionId,
          userId: user.id,
          actor: by.actor,
          primaryId: user.primaryId,
        });
      }
    });
    // The rows are gone; files follow. A file left by a failure here is unreferenced, never a dangling row.
    const storage = await deps.storage(by.institutionId);
    await Promise.all(
      users.flatMap((u) => u.attachments.map((a) => storage.delete(a.storageKey).catch(() => undefined))),
    );
    return users.map((u) => u.id);
  };

  return {
    reasons,
    async delete(by, userId) {
      const exists = await prisma.user.count({ where: { id: userId, institutionId: by.institutionId } });
      if (exists === 0) throw new NotFoundError('user');
      const found = (await reasons(by.institutionId, [userId])).get(userId);
      if (found?.length) return { deleted: false, reasons: found };
      await remove(by, [userId]);
      return { deleted: true };
    },
    async deleteUnguarded(by, userIds) {
      const skipped = await reasons(by.institutionId, userIds);
      const deleted = await remove(
        by,
        userIds.filter((id) => !skipped.has(id)),
      );
      return { deleted, skipped };
    },
  };
}
