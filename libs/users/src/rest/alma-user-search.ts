import type { InstitutionRef } from '@ulms/platform';
import type { UserListRow } from '../contracts/user.dto.js';
import type { SearchUsersInput } from '../contracts/user.schema.js';
import type { UserSearchService } from '../server/user-search.service.js';
import { type AlmaOrderBy, byGivenName, parseAlmaQuery, rowFilterOfClause, searchOfClause, sortOfOrderBy } from './alma-query.js';

/** GET /users's paging and order. */
export interface AlmaSearchOptions {
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
  readonly orderBy?: AlmaOrderBy;
}

const SCAN_PAGE_SIZE = 100;

/** A window of `limit` rows from `offset` of one search, read in pages of `limit`. */
async function window(search: UserSearchService, institution: InstitutionRef, input: SearchUsersInput, offset: number, limit: number) {
  const pageSize = Math.max(limit, 1);
  const first = Math.floor(offset / pageSize);
  const pages = offset % pageSize === 0 || limit === 0 ? [first] : [first, first + 1];
  const found = await Promise.all(pages.map((page) => search.search(institution, { ...input, page, pageSize, exactTotal: true })));
  const rows = found.flatMap((p) => p.rows);
  const start = offset - first * pageSize;
  return { total: found[0]?.total ?? 0, rows: limit === 0 ? [] : rows.slice(start, start + limit) };
}

/** Every row of a search, page by page, that passes `keep`. */
async function scan(search: UserSearchService, institution: InstitutionRef, input: SearchUsersInput, keep: (row: UserListRow) => boolean) {
  const kept: UserListRow[] = [];
  for (let page = 0; ; page += 1) {
    const found = await search.search(institution, { ...input, page, pageSize: SCAN_PAGE_SIZE, exactTotal: true });
    kept.push(...found.rows.filter(keep));
    if ((page + 1) * SCAN_PAGE_SIZE >= found.total) return kept;
  }
}

/**
 * Runs the reference's `q` on Find and Manage Users. One searchable condition in the search's own order
 * pages in the database; several conditions, job_category, first_name/last_name narrowing or the
 * first_name order read the first condition's matches and filter them here.
 */
export async function searchAlmaUsers(
  search: UserSearchService,
  institution: InstitutionRef,
  options: AlmaSearchOptions,
): Promise<{ total: number; rows: UserListRow[] }> {
  const clauses = parseAlmaQuery(options.q);
  const searches = clauses.map(searchOfClause).filter((s): s is SearchUsersInput => s !== undefined);
  const filters = clauses.map(rowFilterOfClause).filter((f): f is (row: UserListRow) => boolean => f !== undefined);
  const sort = sortOfOrderBy(options.orderBy);
  const [base = {}, ...others] = searches;

  if (others.length === 0 && filters.length === 0 && sort) {
    return window(search, institution, { ...base, ...sort }, options.offset, options.limit);
  }
  const alsoMatching = await Promise.all(others.map(async (s) => new Set((await search.matching(institution, s)).map((m) => m.id))));
  const rows = await scan(search, institution, { ...base, ...(sort ?? { sortBy: 'name' }) }, (row) =>
    alsoMatching.every((ids) => ids.has(row.id)) && filters.every((keep) => keep(row)),
  );
  if (!sort) rows.sort(byGivenName);
  return { total: rows.length, rows: rows.slice(options.offset, options.offset + options.limit) };
}
