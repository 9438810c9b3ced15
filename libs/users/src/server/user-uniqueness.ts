import type { PrismaClient } from '@prisma/client';
import type { FieldError } from '@ulms/platform/contracts';
import { identifierKey } from '../contracts/identifiers.js';
import type { PossibleDuplicate } from '../contracts/user.dto.js';
import type { UserFields } from '../contracts/user.schema.js';
import { fromIsoDate } from './dates.js';
import { fullNameOf } from './names.js';
import { PRIMARY_ID_TYPE } from '../contracts/identifiers.js';

/** Errors for the identifiers of `user` another user of the institution already holds (case-insensitive). */
export async function identifierConflicts(
  prisma: PrismaClient,
  institutionId: string,
  userId: string | null,
  user: UserFields,
): Promise<FieldError[]> {
  const wanted = [
    ...(user.primaryId ? [{ field: 'primaryId', value: user.primaryId }] : []),
    ...user.identifiers.map((i, n) => ({
      field: `identifiers.${n}.value`,
      value: i.value,
    })),
  ];
  if (wanted.length === 0) return [];
  const taken = await prisma.userIdentifier.findMany({
    where: {
      institutionId,
      valueKey: { in: wanted.map((w) => identifierKey(w.value)) },
      ...(userId ? { userId: { not: userId } } : {}),
    },
    select: { valueKey: true, idType: true },
  });
  const byKey = new Map(taken.map((t) => [t.valueKey, t.idType]));
  return wanted.flatMap((w) => {
    const idType = byKey.get(identifierKey(w.value));
    if (!idType) return [];
    const type = idType === PRIMARY_ID_TYPE ? 'primary identifier' : idType;
    return [
      {
        field: w.field,
        message: `a user with identifier of type ${type} "${w.value}" already exists`,
      },
    ];
  });
}

/** Users with the same first and last name (case-insensitive) and birth date: a new user may be one of them. */
export async function possibleDuplicates(
  prisma: PrismaClient,
  institutionId: string,
  user: UserFields,
): Promise<PossibleDuplicate[]> {
  if (!user.firstName || !user.lastName || !user.birthDate) return [];
  const rows = await prisma.user.findMany({
    where: {
      institutionId,
      firstName: { equals: user.firstName, mode: 'insensitive' },
      lastName: { equals: user.lastName, mode: 'insensitive' },
      birthDate: fromIsoDate(user.birthDate),
    },
    select: {
      id: true,
      primaryId: true,
      firstName: true,
      lastName: true,
      middleName: true,
      prefFirstName: true,
      prefLastName: true,
      prefMiddleName: true,
    },
    take: 10,
  });
  return rows.map((r) => ({
    id: r.id,
    primaryId: r.primaryId,
    fullName: fullNameOf(r),
  }));
}
