import { type BulkEditInput, findUsersPageSizes, type SearchUsersInput } from '@ulms/users/contracts';
import { z } from 'zod';

export type SearchBy = 'all' | 'name' | 'primaryId' | 'identifier' | 'email';
export type Tab = 'ALL' | 'STAFF' | 'PUBLIC' | 'CONTACT';
export type AccountFilter = 'ALL' | 'INTERNAL' | 'EXTERNAL' | 'INTERNAL_WITH_EXTERNAL_AUTH';
export type StatusFilter = 'ALL' | 'ACTIVE_NOT_EXPIRED' | 'INACTIVE_OR_EXPIRED';
export type SortBy = 'name' | 'primaryId' | 'recordType' | 'userGroup' | 'jobCategory' | 'status' | 'expiryDate';

/** The search Find and Manage Users shows; kept in the address so Back returns to it. */
export interface SearchState {
  readonly query: string;
  readonly searchBy: SearchBy;
  readonly tab: Tab;
  readonly account: AccountFilter;
  readonly role: string;
  readonly status: StatusFilter;
  readonly sortBy: SortBy;
  readonly sortDirection: 'asc' | 'desc';
  readonly page: number;
  readonly pageSize: number;
  /** Other modules' filters by id (`courses.enrolledIn`), each a trimmed value that is not empty. */
  readonly filters: Readonly<Record<string, string>>;
}

export const defaultSearch: SearchState = {
  query: '',
  searchBy: 'all',
  tab: 'ALL',
  account: 'ALL',
  role: '',
  status: 'ALL',
  sortBy: 'name',
  sortDirection: 'asc',
  page: 0,
  pageSize: 20,
  filters: {},
};

const searchByValues = ['all', 'name', 'primaryId', 'identifier', 'email'] as const satisfies readonly SearchBy[];
const tabs = ['ALL', 'STAFF', 'PUBLIC', 'CONTACT'] as const satisfies readonly Tab[];
const accounts = [
  'ALL',
  'INTERNAL',
  'EXTERNAL',
  'INTERNAL_WITH_EXTERNAL_AUTH',
] as const satisfies readonly AccountFilter[];
const statuses = ['ALL', 'ACTIVE_NOT_EXPIRED', 'INACTIVE_OR_EXPIRED'] as const satisfies readonly StatusFilter[];
/** The columns the server's search can order by (`users.search`'s `sortBy`); other headers are not clickable. */
export const sortableColumns = [
  'name',
  'primaryId',
  'recordType',
  'userGroup',
  'jobCategory',
  'status',
  'expiryDate',
] as const satisfies readonly SortBy[];

// The address key of another module's filter: `f.courses.enrolledIn=HIST101`.
const FILTER_PARAM = 'f.';

// An unknown or broken value in the address falls back to its default rather than failing the page.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * The search params of Find and Manage Users, short keys as in addresses staff have bookmarked
 * (`/users?q=smith&sort=expiryDate&dir=desc&page=2`), and other modules' filters as `f.<id>` keys (kept as
 * they are: which ids exist is the server's to say); what is absent is at its default.
 */
export const findUsersSearch = z
  .object({
    q: optional(z.string().max(200)),
    by: optional(z.enum(searchByValues)),
    tab: optional(z.enum(tabs)),
    account: optional(z.enum(accounts)),
    role: optional(z.string().max(100)),
    status: optional(z.enum(statuses)),
    sort: optional(z.enum(sortableColumns)),
    dir: optional(z.enum(['asc', 'desc'])),
    page: optional(z.coerce.number().int().min(0).max(100_000)),
    size: optional(z.coerce.number().pipe(z.union(findUsersPageSizes.map((size) => z.literal(size))))),
  })
  .catchall(z.unknown());
export type FindUsersSearch = z.output<typeof findUsersSearch>;

/** The search in the address; without a page size there, the staff member's preferred one. */
export function searchFromParams(params: FindUsersSearch, preferredPageSize = defaultSearch.pageSize): SearchState {
  return {
    query: params.q ?? '',
    searchBy: params.by ?? 'all',
    tab: params.tab ?? 'ALL',
    account: params.account ?? 'ALL',
    role: params.role ?? '',
    status: params.status ?? 'ALL',
    sortBy: params.sort ?? 'name',
    sortDirection: params.dir ?? 'asc',
    page: params.page ?? 0,
    pageSize: params.size ?? preferredPageSize,
    filters: filtersInParams(params),
  };
}

/** The `f.<id>` params with a value the server takes (trimmed, not empty, within its limits); others are left out. */
function filtersInParams(params: FindUsersSearch): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => {
      const id = key.slice(FILTER_PARAM.length);
      const text = typeof value === 'string' ? value.trim() : '';
      const valid = key.startsWith(FILTER_PARAM) && id !== '' && id.length <= 100 && text !== '' && text.length <= 200;
      return valid ? [[id, text]] : [];
    }),
  );
}

/** The other modules' filters with the one of `id` set to `value`; an empty value removes it. */
export function withFilter(filters: SearchState['filters'], id: string, value: string): SearchState['filters'] {
  const others = Object.entries(filters).filter(([key]) => key !== id);
  return Object.fromEntries(value.trim() ? [...others, [id, value.trim()]] : others);
}

/** The search params of a search, leaving out what is at its default (the page size: the preferred one). */
export function paramsOfSearch(state: SearchState, preferredPageSize = defaultSearch.pageSize): FindUsersSearch {
  const params: Record<string, string | number> = {};
  const put = (key: keyof FindUsersSearch, value: string | number, fallback: string | number) => {
    if (value !== fallback) params[key] = value;
  };
  put('q', state.query, '');
  put('by', state.searchBy, 'all');
  put('tab', state.tab, 'ALL');
  put('account', state.account, 'ALL');
  put('role', state.role, '');
  put('status', state.status, 'ALL');
  put('sort', state.sortBy, 'name');
  put('dir', state.sortDirection, 'asc');
  put('page', state.page, 0);
  put('size', state.pageSize, preferredPageSize);
  for (const [id, value] of Object.entries(state.filters)) put(`${FILTER_PARAM}${id}`, value, '');
  return params as FindUsersSearch;
}

/** The search as the server takes it. */
export function searchInputOf(state: SearchState): SearchUsersInput {
  return {
    query: state.query,
    searchBy: state.searchBy,
    tab: state.tab,
    account: state.account,
    role: state.role || null,
    status: state.status,
    sortBy: state.sortBy,
    sortDirection: state.sortDirection,
    page: state.page,
    pageSize: state.pageSize,
    filters: state.filters,
  };
}

/** The search without paging and sorting: the set of users a bulk edit applies to. */
export function filtersOf(state: SearchState): BulkEditInput['search'] {
  return {
    query: state.query,
    searchBy: state.searchBy,
    tab: state.tab,
    account: state.account,
    role: state.role || null,
    status: state.status,
    filters: state.filters,
  };
}
