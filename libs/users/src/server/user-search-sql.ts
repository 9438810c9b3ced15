import { Prisma } from '@prisma/client';
import type { SqlRunner } from '@ulms/platform';
import type { z } from 'zod';
import type {
  searchUsersInput,
  UserConditionField,
} from '../contracts/user.schema.js';
import { normalizeName } from './names.js';
import { PRIMARY_ID_TYPE } from './user-record.mapper.js';

/** `%text%` for LIKE, escaped as Prisma's `contains` escapes, so SQL and Prisma searches agree. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

const nameTokens = (query: string) =>
  normalizeName(query)
    .split(/[\s,]+/)
    .filter(Boolean);

/** Every word of `query` in some name or preferred name (the trigram index serves it). */
export function nameCondition(query: string): Prisma.Sql {
  const tokens = nameTokens(query);
  return tokens.length
    ? Prisma.join(
        tokens.map((t) => Prisma.sql`u."nameSearch" LIKE ${containing(t)}`),
        ' AND ',
      )
    : Prisma.sql`TRUE`;
}

/** The condition of Find and Manage Users' search box, on the user aliased `u`. */
export function queryCondition(
  institutionId: string,
  query: string,
  searchBy: string,
): Prisma.Sql {
  if (!query) return Prisma.sql`TRUE`;
  const key = query.toLowerCase();
  const identifier = (primaryOnly: boolean) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "UserIdentifier" i WHERE i."userId" = u.id AND i."institutionId" = ${institutionId}::uuid AND i."valueKey" = ${key}${primaryOnly ? Prisma.sql` AND i."idType" = ${PRIMARY_ID_TYPE}` : Prisma.empty})`;
  const email = Prisma.sql`EXISTS (SELECT 1 FROM "UserEmail" e WHERE e."userId" = u.id AND e."institutionId" = ${institutionId}::uuid AND e."addressKey" = ${key})`;
  const name = nameCondition(query);
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

// The sort name is the displayed name normalised, "surname, given names".
export const surnameOfSortName = Prisma.sql`split_part(u."sortName", ', ', 1)`;
export const givenNamesOfSortName = Prisma.sql`split_part(u."sortName", ', ', 2)`;

/** A word of the displayed surname or given names: the name words narrow through the index, the part then checks. */
export function namePartCondition(
  part: 'surname' | 'given',
  value: string,
): Prisma.Sql {
  const wanted = normalizeName(value);
  if (!wanted) return Prisma.sql`TRUE`;
  const column = part === 'surname' ? surnameOfSortName : givenNamesOfSortName;
  return Prisma.sql`(${nameCondition(value)}) AND ${column} LIKE ${containing(wanted)}`;
}

/** One condition of the field-specific search (the REST API's `q`); an empty value holds for everyone. */
export function fieldCondition(
  institutionId: string,
  field: UserConditionField,
  value: string,
): Prisma.Sql {
  if (!value) return Prisma.sql`TRUE`;
  switch (field) {
    case 'firstName':
      return namePartCondition('given', value);
    case 'lastName':
      return namePartCondition('surname', value);
    case 'jobCategory':
      return Prisma.sql`lower(u."jobCategory") = ${value.toLowerCase()}`;
    default:
      return queryCondition(institutionId, value, field);
  }
}

type SearchQuery = z.output<typeof searchUsersInput>;

/** Everything Find and Manage Users filters on: the search box, tab, account type, role and status; `today` in the institution's time zone. */
export function searchCondition(
  institutionId: string,
  q: SearchQuery,
  today: string,
): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`u."institutionId" = ${institutionId}::uuid`,
    queryCondition(institutionId, q.query, q.searchBy),
  ];
  if (q.tab !== 'ALL') conditions.push(Prisma.sql`u."recordType" = ${q.tab}`);
  if (q.account !== 'ALL')
    conditions.push(Prisma.sql`u."accountType" = ${q.account}`);
  if (q.role) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = u.id AND r.role = ${q.role} AND r.status = 'ACTIVE')`,
    );
  }
  if (q.status === 'ACTIVE_NOT_EXPIRED') {
    conditions.push(
      Prisma.sql`u.status = 'ACTIVE' AND (u."expiryDate" IS NULL OR u."expiryDate" >= ${today}::date)`,
    );
  }
  if (q.status === 'INACTIVE_OR_EXPIRED')
    conditions.push(
      Prisma.sql`(u.status = 'INACTIVE' OR u."expiryDate" < ${today}::date)`,
    );
  return Prisma.join(conditions, ' AND ');
}

/** Runs a statement built with `Prisma.sql` on the plain pool: reads here skip Prisma's per-query compile. */
export function runSql<T>(sql: SqlRunner, statement: Prisma.Sql): Promise<T[]> {
  return sql.query<T>(statement.text, statement.values);
}
