import type { Prisma, PrismaClient } from '@prisma/client';
import { ConflictError } from '@ulms/platform';
import { isoToday } from '../contracts/role-grants-now.js';
import type { UserDeletionGuard } from '../contracts/users-extension-points.js';
import { fromIsoDate } from './dates.js';

/** The role that administers an institution when held institution-wide. */
export const ADMINISTRATOR_ROLE = 'GENERAL_SYSTEM_ADMINISTRATOR';

/** Whether a user record holds, now, the institution-wide administrator role. */
export function administersInstitution(user: {
  readonly status: string;
  readonly expiryDate: string | null;
  readonly roles: readonly { role: string; scope: string | null; status: string; expiryDate: string | null }[];
}): boolean {
  const today = isoToday();
  const current = (expiry: string | null) => expiry === null || expiry >= today;
  return (
    user.status === 'ACTIVE' &&
    current(user.expiryDate) &&
    user.roles.some(
      (r) => r.role === ADMINISTRATOR_ROLE && r.scope === null && r.status === 'ACTIVE' && current(r.expiryDate),
    )
  );
}

/** Users whose record is active and not expired holding an active, unexpired, institution-wide administrator role. */
const administratorsWhere = (institutionId: string) => {
  const today = fromIsoDate(isoToday()) as Date;
  const current = { OR: [{ expiryDate: null }, { expiryDate: { gte: today } }] };
  return {
    institutionId,
    status: 'ACTIVE',
    ...current,
    roles: { some: { role: ADMINISTRATOR_ROLE, scope: null, status: 'ACTIVE', ...current } },
  } satisfies Prisma.UserWhereInput;
};

const administrators = (tx: Prisma.TransactionClient, institutionId: string) =>
  tx.user.count({ where: administratorsWhere(institutionId) });

export const LAST_ADMINISTRATOR = 'the last administrator of the institution cannot be removed';

/** Deleting (or purging) the institution's last administrators is refused with a reason, as other guards do. */
export function lastAdministratorDeletionGuard(prisma: PrismaClient): UserDeletionGuard {
  return {
    id: 'last-administrator',
    async reasons(institutionId, userIds) {
      const admins = await prisma.user.findMany({ where: administratorsWhere(institutionId), select: { id: true } });
      const deleted = new Set(userIds);
      if (admins.length === 0 || admins.some((a) => !deleted.has(a.id))) return new Map();
      return new Map(admins.map((a) => [a.id, [LAST_ADMINISTRATOR]]));
    },
  };
}

/**
 * Inside the transaction of a change that may take an administrator away: serialises such changes per
 * institution (an advisory lock on its id), counts the administrators,
 * and returns the check to run after the write. An institution that had administrators must keep one; one
 * that had none (a fresh set-up) is not blocked.
 */
export async function guardLastAdministrator(
  tx: Prisma.TransactionClient,
  institutionId: string,
): Promise<() => Promise<void>> {
  // One transaction at a time per institution; an advisory lock, as the institution's row is the kernel's.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`users.administrators:${institutionId}`}))`;
  const before = await administrators(tx, institutionId);
  return async () => {
    if (before > 0 && (await administrators(tx, institutionId)) === 0) {
      throw new ConflictError(LAST_ADMINISTRATOR);
    }
  };
}
