import { Prisma } from '@prisma/client';
import { Decimal } from 'decimal.js';
import { NotFoundError } from '@ulms/platform';
import type { FeeStatus } from '../contracts/fee.schema.js';

export type FeeRow = Prisma.FeeGetPayload<object>;

/** What is left to pay of a fee (negative for a credit), as decimal.js does arithmetic. */
export const remainingOf = (fee: FeeRow): Decimal => new Decimal(fee.remainingBalance.toString());

/** The VAT part of what is left. */
export const remainingVatOf = (fee: FeeRow): Decimal => new Decimal(fee.remainingVat.toString());

/**
 * Locks the fee (SELECT … FOR UPDATE) until the transaction ends and reads it: two actions on one fee take turns,
 * the second seeing what the first left. A fee of another institution is as unknown as one that does not exist.
 */
export async function lockFee(tx: Prisma.TransactionClient, institutionId: string, id: string): Promise<FeeRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Fee" WHERE "id" = ${id}::uuid AND "institutionId" = ${institutionId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError('fee');
  return tx.fee.findUniqueOrThrow({ where: { id } });
}

/** Locks the fees of a user, in one order so that two bulk actions never deadlock, and reads them. */
export async function lockFeesOfUser(
  tx: Prisma.TransactionClient,
  institutionId: string,
  userId: string,
  filter: { ids?: readonly string[]; statuses?: readonly FeeStatus[]; type?: string },
): Promise<FeeRow[]> {
  if (filter.ids?.length === 0 || filter.statuses?.length === 0) return [];
  const conditions = [
    Prisma.sql`"institutionId" = ${institutionId}::uuid`,
    Prisma.sql`"userId" = ${userId}::uuid`,
    ...(filter.ids ? [Prisma.sql`"id" IN (${Prisma.join(filter.ids.map((id) => Prisma.sql`${id}::uuid`))})`] : []),
    ...(filter.statuses ? [Prisma.sql`"status" IN (${Prisma.join(filter.statuses)})`] : []),
    ...(filter.type !== undefined ? [Prisma.sql`"typeCode" = ${filter.type}`] : []),
  ];
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Fee" WHERE ${Prisma.join(conditions, ' AND ')} ORDER BY "id" FOR UPDATE`;
  if (locked.length === 0) return [];
  return tx.fee.findMany({ where: { id: { in: locked.map((r) => r.id) } }, orderBy: { id: 'asc' } });
}
