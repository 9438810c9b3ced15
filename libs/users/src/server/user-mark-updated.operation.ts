import type { UserService } from '../contracts/user-service.js';
import type { UserServiceDeps } from './user-service.deps.js';

/** Moving a user's last-updated date and actor (with a history entry when given). */
export function createMarkUpdatedOperation(
  deps: Pick<UserServiceDeps, 'transactions'>,
): Pick<UserService, 'markUpdated'> {
  return {
    async markUpdated(by, userId, history) {
      const at = new Date();
      await deps.transactions.run(async ({ tx }) => {
        const { count } = await tx.user.updateMany({
          where: { id: userId, institutionId: by.institutionId },
          data: {
            updatedAt: at,
            updatedBy: by.actor,
            lastUpdatedByJob: by.job ?? null,
          },
        });
        if (count > 0 && history) {
          await tx.userHistoryEntry.create({
            data: {
              ...history,
              institutionId: by.institutionId,
              userId,
              actor: by.actor,
              actorKind: by.actorKind ?? 'staff',
              at,
            },
          });
        }
      });
    },
  };
}
