import { createHash } from 'node:crypto';
import { Prisma } from '@prisma/client';
import { type Database, type EnabledExtensions, parseInput, ValidationError } from '@ulms/platform';
import type { UsersInstitutionRef } from '../contracts/service-callers.js';
import type { AccountType, RecordType, UserStatus } from '../contracts/user-codes.js';
import type { UserSearchService } from '../contracts/user-search-service.js';
import type { UserSummary } from '../contracts/user.dto.js';
import { findUsersInput, searchUsersInput } from '../contracts/user.schema.js';
import { type UserSearchFilter, usersExtensionPoints } from '../contracts/users-extension-points.js';
import { identifierKey, PRIMARY_ID_TYPE } from '../contracts/identifiers.js';
import { todayIn } from './dates.js';
import { fullNameOf } from './names.js';
import { fieldCondition, givenNamesOfSortName, runSql, searchCondition, surnameWordsOf } from './user-search-sql.js';

// Moved to the contracts; kept here for those who import it from here.
export type { UserSearchService } from '../contracts/user-search-service.js';

export const COUNT_LIMIT = 1_000;

const sortColumns = {
  name: 'sortName',
  primaryId: 'primaryId',
  recordType: 'recordType',
  userGroup: 'userGroup',
  jobCategory: 'jobCategory',
  status: 'status',
  expiryDate: 'expiryDate',
} as const;

const LIST_COLUMN_SQL = `u.id, u."primaryId", u."firstName", u."middleName", u."lastName", u."prefFirstName", u."prefMiddleName", u."prefLastName",
   u."accountType", u."recordType", u."jobCategory", u."userGroup", u.status, u."expiryDate"::text AS "expiryDate"`;
const LIST_COLUMNS = Prisma.raw(LIST_COLUMN_SQL);

const MAX_SUMMARIES = 1_000;
const MAX_PRIMARY_IDS = 5_000;
const BY_PRIMARY_ID = `SELECT i."valueKey", i."userId" FROM "UserIdentifier" i
  WHERE i."institutionId" = $1::uuid AND i."valueKey" = ANY($2::text[]) AND i."idType" = '${PRIMARY_ID_TYPE}'`;
// Prepared once per connection: the primary key serves it whatever the users.
const SUMMARIES = `SELECT ${LIST_COLUMN_SQL} FROM "User" u WHERE u."institutionId" = $1::uuid AND u.id = ANY($2::uuid[])`;

interface ListRow {
  id: string;
  primaryId: string;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  prefFirstName: string | null;
  prefMiddleName: string | null;
  prefLastName: string | null;
  accountType: string;
  recordType: string;
  jobCategory: string | null;
  userGroup: string | null;
  status: string;
  expiryDate: string | null;
}

const summaryOf = (row: ListRow): UserSummary => ({
  id: row.id,
  active: row.status === 'ACTIVE',
  primaryId: row.primaryId,
  fullName: fullNameOf(row),
  accountType: row.accountType as AccountType,
  recordType: row.recordType as RecordType,
  jobCategory: row.jobCategory,
  userGroup: row.userGroup,
  status: row.status as UserStatus,
  expiryDate: row.expiryDate,
});

const findOrders = {
  name: Prisma.sql`u."sortName", u.id`,
  givenName: Prisma.sql`${givenNamesOfSortName}, u."sortName", u.id`,
  primaryId: Prisma.sql`u."primaryId", u.id`,
} as const;

export function createUserSearchService(deps: {
  database: Database;
  extensions: EnabledExtensions;
}): UserSearchService {
  const { database } = deps;
  const sql = database.sql;
  const filtersOf = (institutionId: string) => deps.extensions.for(usersExtensionPoints.searchFilters, institutionId);
  /** The search's own conditions and those of the other modules' filters it names. */
  const whereOf = (
    institution: UsersInstitutionRef,
    q: ReturnType<typeof searchUsersInput.parse>,
    filters: readonly UserSearchFilter[],
  ) => {
    const own = searchCondition(institution.id, q, () => todayIn(institution.timeZone));
    const asked = Object.entries(q.filters ?? {}).filter(([, value]) => value !== '');
    if (asked.length === 0) return own;
    const conditions = asked.map(([id, value]) => {
      const filter = filters.find((f) => f.id === id);
      if (!filter) throw ValidationError.of(`filters.${id}`, 'is not a search filter of this institution');
      return filter.condition(institution.id, value);
    });
    return Prisma.join([own, ...conditions], ' AND ');
  };

  // An exact look-up (an identifier or an email) has one best plan whatever the value: its statements are
  // prepared once per connection, named after their text, and skip planning, which took longer than running
  // them (0.5-1 ms against 0.1 ms). Name searches stay unnamed, planned with the words searched.
  const preparedNames = new Map<string, string>();
  const preparedIf = (exact: boolean, statement: Prisma.Sql) => {
    if (!exact) return undefined;
    let name = preparedNames.get(statement.text);
    if (!name) {
      name = `users.search.${createHash('sha1').update(statement.text).digest('hex').slice(0, 16)}`;
      // The texts are few (filters × sort orders); the bound only guards against a surprise.
      if (preparedNames.size < 1_000) preparedNames.set(statement.text, name);
    }
    return { name };
  };
  const isExactLookup = (q: ReturnType<typeof searchUsersInput.parse>) =>
    q.query !== '' && (q.searchBy === 'primaryId' || q.searchBy === 'identifier' || q.searchBy === 'email');

  /** The page's ids first, in order (with the name-ordered covering indexes an index-only scan), then their rows. */
  const page = (where: Prisma.Sql, q: ReturnType<typeof searchUsersInput.parse>) => {
    const column = Prisma.raw(`"${sortColumns[q.sortBy]}"`);
    const direction = Prisma.raw(`${q.sortDirection === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`);
    const statement = Prisma.sql`SELECT ${LIST_COLUMNS} FROM (
          SELECT u.id, u.${column} AS k FROM "User" u WHERE ${where}
          ORDER BY u.${column} ${direction}, u.id LIMIT ${Prisma.raw(String(q.pageSize))} OFFSET ${Prisma.raw(String(q.page * q.pageSize))}
        ) p JOIN "User" u ON u.id = p.id
        ORDER BY p.k ${direction}, p.id`;
    return runSql<ListRow>(sql, statement, preparedIf(isExactLookup(q), statement));
  };

  /** Past COUNT_LIMIT the list says "1,000+" instead of counting every "García"; the REST API asks exact. */
  const count = async (where: Prisma.Sql, limit: number | null, exact = false) => {
    const matches =
      limit === null
        ? Prisma.sql`SELECT 1 FROM "User" u WHERE ${where}`
        : Prisma.sql`SELECT 1 FROM "User" u WHERE ${where} LIMIT ${limit}`;
    const statement = Prisma.sql`SELECT count(*)::int AS n FROM (${matches}) AS matches`;
    const [row] = await runSql<{ n: number }>(sql, statement, preparedIf(exact, statement));
    return row?.n ?? 0;
  };

  /** Every column of the enabled modules, and the values of those asked for (a hidden one costs nothing). */
  const extraColumns = async (institutionId: string, ids: string[], wanted: readonly string[] | undefined) => {
    const columns = await deps.extensions.for(usersExtensionPoints.listColumns, institutionId);
    const values = await Promise.all(
      columns.map((c) => (!wanted || wanted.includes(c.id) ? c.load(institutionId, ids) : undefined)),
    );
    return { columns, values };
  };

  return {
    async search(institution, input) {
      const q = parseInput(searchUsersInput, input);
      const filters = await filtersOf(institution.id);
      const where = whereOf(institution, q, filters);
      const rows = await page(where, q);
      // A first page that is not full holds every match, so exact lookups need no count.
      const total =
        q.page === 0 && rows.length < q.pageSize
          ? rows.length
          : await count(where, q.exactTotal ? null : COUNT_LIMIT + 1, isExactLookup(q));
      const { columns, values } = await extraColumns(
        institution.id,
        rows.map((r) => r.id),
        q.columns,
      );
      return {
        total: q.exactTotal ? total : Math.min(total, COUNT_LIMIT),
        totalIsLowerBound: !q.exactTotal && total > COUNT_LIMIT,
        columns: columns.map(({ id, title }) => ({ id, title })),
        filters: filters.map(({ id, label, placeholder }) => ({ id, label, placeholder: placeholder ?? null })),
        rows: rows.map((row) => ({
          ...summaryOf(row),
          extra: Object.fromEntries(columns.map((c, i) => [c.id, values[i]?.get(row.id) ?? null])),
        })),
      };
    },

    async summaries(institutionId, ids) {
      if (ids.length > MAX_SUMMARIES) throw ValidationError.of('ids', `at most ${MAX_SUMMARIES} at once`);
      if (ids.length === 0) return [];
      const rows = await database.sql.query<ListRow>(SUMMARIES, [institutionId, [...new Set(ids)]], {
        name: 'users.summaries',
      });
      const byId = new Map(rows.map((row) => [row.id, summaryOf(row)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async idsByPrimaryId(institutionId, primaryIds) {
      if (primaryIds.length > MAX_PRIMARY_IDS)
        throw ValidationError.of('primaryIds', `at most ${MAX_PRIMARY_IDS} at once`);
      if (primaryIds.length === 0) return new Map();
      const keys = [...new Set(primaryIds.map(identifierKey))];
      const rows = await database.sql.query<{ valueKey: string; userId: string }>(
        BY_PRIMARY_ID,
        [institutionId, keys],
        {
          name: 'users.idsByPrimaryId',
        },
      );
      return new Map(rows.map((row) => [row.valueKey, row.userId]));
    },

    async matching(institution, input) {
      const where = whereOf(institution, parseInput(searchUsersInput, input), await filtersOf(institution.id));
      return runSql<{ id: string; primaryId: string }>(
        sql,
        Prisma.sql`SELECT u.id, u."primaryId" FROM "User" u WHERE ${where} ORDER BY u.id`,
      );
    },

    async find(institution, input) {
      const q = parseInput(findUsersInput, input);
      const inInstitution = Prisma.sql`u."institutionId" = ${institution.id}::uuid`;
      const conditionsOf = (conditions: typeof q.conditions) =>
        conditions.map((c) => fieldCondition(institution.id, c.field, c.value));
      // In the default order, a surname searched drives from "UserSurnameWords": its primary key holds the
      // matches in name order, so the page and the exact count read that index alone (the table only to
      // check other conditions). The count of a surname shared by 29,000 of a million users reads 290 index pages.
      const surname = q.conditions.find((c) => c.field === 'lastName' && c.value !== '');
      const bySurname = surname && q.orderBy === 'name' ? surname : undefined;
      const others = q.conditions.filter((c) => c !== bySurname);
      const from = !bySurname
        ? Prisma.sql`"User" u`
        : others.length
          ? Prisma.sql`"UserSurnameWords" w JOIN "User" u ON u.id = w."userId"`
          : Prisma.sql`"UserSurnameWords" w`;
      const where = Prisma.join(
        [
          bySurname
            ? Prisma.sql`w."institutionId" = ${institution.id}::uuid AND w.words = ${surnameWordsOf(bySurname.value)}`
            : inInstitution,
          ...conditionsOf(others),
        ],
        ' AND ',
      );
      const [id, order] = bySurname
        ? [Prisma.sql`w."userId"`, Prisma.sql`w."sortName", w."userId"`]
        : [Prisma.sql`u.id`, findOrders[q.orderBy]];
      // A surname alone always has the same best plan (the primary key's range): prepared once per connection.
      const prepared = (name: string) => (bySurname && !others.length ? { name } : undefined);
      const [ids, counted] = await Promise.all([
        q.limit === 0
          ? Promise.resolve([])
          : runSql<{ id: string }>(
              sql,
              Prisma.sql`SELECT ${id} AS id FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`,
              prepared('users.findBySurname.page'),
            ),
        runSql<{ n: number }>(
          sql,
          Prisma.sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`,
          prepared('users.findBySurname.count'),
        ),
      ]);
      return { total: counted[0]?.n ?? 0, ids: ids.map((r) => r.id) };
    },
  };
}
