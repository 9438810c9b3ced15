import type { PrismaClient } from '@prisma/client';
import type { UserDeletionGuard } from '@ulms/users/contracts';

/** A sponsor is not deleted while fulfillment proxies act on their account: those go first. */
export const sponsorDeletionGuard = (prisma: PrismaClient): UserDeletionGuard => ({
  id: 'proxies.sponsor',
  async reasons(institutionId, userIds) {
    const links = await prisma.proxyRelation.groupBy({
      by: ['patronUserId'],
      where: { institutionId, patronUserId: { in: [...userIds] }, fulfillment: true },
      _count: { _all: true },
    });
    return new Map(
      links.map((link) => [
        link.patronUserId,
        [
          `sponsors ${link._count._all} fulfillment prox${link._count._all === 1 ? 'y' : 'ies'}, who cannot be unlinked: delete them first`,
        ],
      ]),
    );
  },
});
