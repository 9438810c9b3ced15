import type { Prisma } from '@prisma/client';
import type { UserChangeActor } from '../contracts/service-callers.js';

/** In the same transaction as the change: its History entry and the user's last-updated date. */
export const recordPartChange = async (
  tx: Prisma.TransactionClient,
  by: UserChangeActor,
  userId: string,
  entry: {
    field: string;
    oldValue: string | null;
    newValue: string | null;
    ownerLibraryId?: string | null;
  } | null,
) => {
  const now = new Date();
  await tx.user.update({
    where: { id: userId },
    data: {
      updatedAt: now,
      updatedBy: by.actor,
      lastUpdatedByJob: by.job ?? null,
    },
  });
  if (entry) {
    await tx.userHistoryEntry.create({
      data: {
        ...entry,
        institutionId: by.institutionId,
        userId,
        actor: by.actor,
        actorKind: by.actorKind ?? 'staff',
        at: now,
      },
    });
  }
};
