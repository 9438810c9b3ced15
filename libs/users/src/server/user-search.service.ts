import type { Prisma, PrismaClient } from '@prisma/client';
import type { z } from 'zod';
import {
  contributorOf,
  type InstitutionRef,
  type ModuleService,
  parseInput,
} from '@ulms/platform';
import type {
  AccountType,
  RecordType,
  UserStatus,
} from '../contracts/user-codes.js';
import type { UserListPage } from '../contracts/user.dto.js';
import {
  type SearchUsersInput,
  searchUsersInput,
} from '../contracts/user.schema.js';
import type { UserListColumn } from '../contracts/users-extension-points.js';
import { fromIsoDate, todayIn, toIsoDate } from './dates.js';
import { cappedUserCount } from './capped-user-count.js';
import { fullNameOf, normalizeName } from './names.js';
import { PRIMARY_ID_TYPE } from './user-record.mapper.js';
import { USERS_MODULE } from './user.service.js';

/** Find and Manage Users: search, tabs, filters, sorting, paging, and other modules' columns. */
export interface UserSearchService {
  search(
    institution: InstitutionRef,
    input: SearchUsersInput,
  ): Promise<UserListPage>;
  /** Every user the search finds, id and primary identifier only (for jobs). */
  matching(
    institution: InstitutionRef,
    input: SearchUsersInput,
  ): Promise<{ id: string; primaryId: string }[]>;
}

const sortColumns = {
  name: 'sortName',
  primaryId: 'primaryId',
  recordType: 'recordType',
  userGroup: 'userGroup',
  jobCategory: 'jobCategory',
  status: 'status',
  expiryDate: 'expiryDate',
} as const;

export const COUNT_LIMIT = 1_000;

const NULLABLE_SORT_COLUMNS = new Set<string>([
  'userGroup',
  'jobCategory',
  'expiryDate',
]);

const listSelect = {
  id: true,
  primaryId: true,
  firstName: true,
  middleName: true,
  lastName: true,
  prefFirstName: true,
  prefMiddleName: true,
  prefLastName: true,
  accountType: true,
  recordType: true,
  jobCategory: true,
  userGroup: true,
  status: true,
  expiryDate: true,
} satisfies Prisma.UserSelect;

function nameWhere(query: string): Prisma.UserWhereInput[] {
  return normalizeName(query)
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((token) => ({ nameSearch: { contains: token } }));
}

function queryWhere(
  institutionId: string,
  query: string,
  searchBy: string,
): Prisma.UserWhereInput {
  if (!query) return {};
  const key = query.toLowerCase();
  const byPrimaryId = {
    identifiers: {
      some: { institutionId, valueKey: key, idType: PRIMARY_ID_TYPE },
    },
  };
  const byIdentifier = {
    identifiers: { some: { institutionId, valueKey: key } },
  };
  const byEmail = { emails: { some: { institutionId, addressKey: key } } };
  const byName = { AND: nameWhere(query) };
  switch (searchBy) {
    case 'primaryId':
      return byPrimaryId;
    case 'identifier':
      return byIdentifier;
    case 'email':
      return byEmail;
    case 'name':
      return byName;
    default:
      return { OR: [byName, byIdentifier, byEmail] };
  }
}

export function createUserSearchService(deps: {
  prisma: PrismaClient;
  modules: ModuleService;
  listColumns: readonly UserListColumn[];
}): UserSearchService {
  const { prisma, modules } = deps;
  /** Ids first: with the name-ordered covering indexes the page is an index-only scan; then its rows. */
  const pageByName = async (
    where: Prisma.UserWhereInput,
    orderBy: Prisma.UserOrderByWithRelationInput[],
    skip: number,
    take: number,
  ) => {
    const page = await prisma.user.findMany({
      where,
      select: { id: true },
      orderBy,
      skip,
      take,
    });
    const found = await prisma.user.findMany({
      where: { id: { in: page.map((p) => p.id) } },
      select: listSelect,
    });
    const byId = new Map(found.map((row) => [row.id, row]));
    return page.flatMap((p) => byId.get(p.id) ?? []);
  };
  const today = (
    institution: InstitutionRef,
    q: z.output<typeof searchUsersInput>,
  ) => (q.status === 'ALL' ? null : fromIsoDate(todayIn(institution.timeZone)));
  const whereOf = (
    institution: InstitutionRef,
    q: z.output<typeof searchUsersInput>,
  ): Prisma.UserWhereInput => {
    return {
      institutionId: institution.id,
      ...(q.tab !== 'ALL' ? { recordType: q.tab } : {}),
      ...(q.account !== 'ALL' ? { accountType: q.account } : {}),
      ...(q.role
        ? { roles: { some: { role: q.role, status: 'ACTIVE' } } }
        : {}),
      AND: [
        queryWhere(institution.id, q.query, q.searchBy),
        q.status === 'ACTIVE_NOT_EXPIRED'
          ? {
              status: 'ACTIVE',
              OR: [
                { expiryDate: null },
                { expiryDate: { gte: today(institution, q) ?? undefined } },
              ],
            }
          : q.status === 'INACTIVE_OR_EXPIRED'
            ? {
                OR: [
                  { status: 'INACTIVE' },
                  { expiryDate: { lt: today(institution, q) ?? undefined } },
                ],
              }
            : {},
      ],
    };
  };

  return {
    async matching(institution, input) {
      const q = parseInput(searchUsersInput, input);
      return prisma.user.findMany({
        where: whereOf(institution, q),
        select: { id: true, primaryId: true },
        orderBy: { id: 'asc' },
      });
    },
    async search(institution, input) {
      const q = parseInput(searchUsersInput, input);
      const where = whereOf(institution, q);
      const column = sortColumns[q.sortBy];
      const orderBy: Prisma.UserOrderByWithRelationInput[] = [
        {
          [column]: NULLABLE_SORT_COLUMNS.has(column)
            ? { sort: q.sortDirection, nulls: 'last' }
            : q.sortDirection,
        },
        { id: 'asc' },
      ];
      const byName =
        q.query !== '' && (q.searchBy === 'name' || q.searchBy === 'all');
      const rows = byName
        ? await pageByName(where, orderBy, q.page * q.pageSize, q.pageSize)
        : await prisma.user.findMany({
            where,
            select: listSelect,
            orderBy,
            skip: q.page * q.pageSize,
            take: q.pageSize,
          });
      // A first page that is not full holds every match, so exact lookups need no count. Past
      // COUNT_LIMIT the list says "1,000+" instead of counting every "García"; the REST API asks exact.
      const total =
        q.page === 0 && rows.length < q.pageSize
          ? rows.length
          : q.exactTotal
            ? await prisma.user.count({ where })
            : await cappedUserCount(
                prisma,
                institution.id,
                q,
                today(institution, q),
                COUNT_LIMIT + 1,
              );

      const enabled = await Promise.all(
        deps.listColumns.map((c) =>
          modules.isEnabled(institution.id, contributorOf(c) ?? USERS_MODULE),
        ),
      );
      const columns = deps.listColumns.filter((_, i) => enabled[i]);
      const ids = rows.map((r) => r.id);
      const values = await Promise.all(
        columns.map((c) => c.load(institution.id, ids)),
      );

      return {
        total: q.exactTotal ? total : Math.min(total, COUNT_LIMIT),
        totalIsLowerBound: !q.exactTotal && total > COUNT_LIMIT,
        columns: columns.map(({ id, title }) => ({ id, title })),
        rows: rows.map((row) => ({
          id: row.id,
          active: row.status === 'ACTIVE',
          primaryId: row.primaryId,
          fullName: fullNameOf(row),
          accountType: row.accountType as AccountType,
          recordType: row.recordType as RecordType,
          jobCategory: row.jobCategory,
          userGroup: row.userGroup,
          status: row.status as UserStatus,
          expiryDate: toIsoDate(row.expiryDate),
          extra: Object.fromEntries(
            columns.map((c, i) => [c.id, values[i]?.get(row.id) ?? null]),
          ),
        })),
      };
    },
  };
}
