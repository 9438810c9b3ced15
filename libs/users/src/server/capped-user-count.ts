import { Prisma, type PrismaClient } from '@prisma/client';
import type { z } from 'zod';
import type { searchUsersInput } from '../contracts/user.schema.js';
import { normalizeName } from './names.js';
import { PRIMARY_ID_TYPE } from './user-record.mapper.js';

type SearchQuery = z.output<typeof searchUsersInput>;

function queryCondition(
  institutionId: string,
  query: string,
  searchBy: string,
): Prisma.Sql {
  if (!query) return Prisma.sql`TRUE`;
  const key = query.toLowerCase();
  const identifier = (primaryOnly: boolean) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "UserIdentifier" i WHERE i."userId" = u.id AND i."institutionId" = ${institutionId}::uuid AND i."valueKey" = ${key}${primaryOnly ? Prisma.sql` AND i."idType" = ${PRIMARY_ID_TYPE}` : Prisma.empty})`;
  const email = Prisma.sql`EXISTS (SELECT 1 FROM "UserEmail" e WHERE e."userId" = u.id AND e."institutionId" = ${institutionId}::uuid AND e."addressKey" = ${key})`;
  const tokens = normalizeName(query)
    .split(/[\s,]+/)
    .filter(Boolean);
  // LIKE escapes as Prisma's `contains` does, so both count what the list shows.
  const name = tokens.length
    ? Prisma.join(
        tokens.map(
          (t) =>
            Prisma.sql`u."nameSearch" LIKE ${`%${t.replace(/[\\%_]/g, '\\$&')}%`}`,
        ),
        ' AND ',
      )
    : Prisma.sql`TRUE`;
  switch (searchBy) {
    case 'primaryId':
      return identifier(true);
    case 'identifier':
      return identifier(false);
    case 'email':
      return email;
    case 'name':
      return name;
    default:
      return Prisma.sql`((${name}) OR ${identifier(false)} OR ${email})`;
  }
}

/**
 * How many users a search finds, counting no further than `limit`. Written in SQL because Prisma adds an
 * ORDER BY to a limited count, which made the count of a common name read every match in id order.
 */
export async function cappedUserCount(
  prisma: PrismaClient,
  institutionId: string,
  q: SearchQuery,
  today: Date | null,
  limit: number,
): Promise<number> {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`u."institutionId" = ${institutionId}::uuid`,
    queryCondition(institutionId, q.query, q.searchBy),
  ];
  if (q.tab !== 'ALL') conditions.push(Prisma.sql`u."recordType" = ${q.tab}`);
  if (q.account !== 'ALL')
    conditions.push(Prisma.sql`u."accountType" = ${q.account}`);
  if (q.role)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = u.id AND r.role = ${q.role} AND r.status = 'ACTIVE')`,
    );
  if (q.status === 'ACTIVE_NOT_EXPIRED')
    conditions.push(
      Prisma.sql`u.status = 'ACTIVE' AND (u."expiryDate" IS NULL OR u."expiryDate" >= ${today}::date)`,
    );
  if (q.status === 'INACTIVE_OR_EXPIRED')
    conditions.push(
      Prisma.sql`(u.status = 'INACTIVE' OR u."expiryDate" < ${today}::date)`,
    );
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "User" u WHERE ${Prisma.join(conditions, ' AND ')} LIMIT ${limit}) AS matches`;
  return row?.n ?? 0;
}
