import type { BulkEditInput, SearchUsersInput } from '@ulms/users/contracts';

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
};

const searchByValues: readonly SearchBy[] = ['all', 'name', 'primaryId', 'identifier', 'email'];
const tabs: readonly Tab[] = ['ALL', 'STAFF', 'PUBLIC', 'CONTACT'];
const accounts: readonly AccountFilter[] = ['ALL', 'INTERNAL', 'EXTERNAL', 'INTERNAL_WITH_EXTERNAL_AUTH'];
const statuses: readonly StatusFilter[] = ['ALL', 'ACTIVE_NOT_EXPIRED', 'INACTIVE_OR_EXPIRED'];
export const sortableColumns: readonly SortBy[] = ['name', 'primaryId', 'recordType', 'userGroup', 'jobCategory', 'status', 'expiryDate'];

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

function count(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= max ? n : fallback;
}

/** The search in the query string; unknown or missing values fall back to the defaults. */
export function searchFromQuery(query: URLSearchParams): SearchState {
  return {
    query: query.get('q') ?? '',
    searchBy: oneOf(searchByValues, query.get('by'), 'all'),
    tab: oneOf(tabs, query.get('tab'), 'ALL'),
    account: oneOf(accounts, query.get('account'), 'ALL'),
    role: query.get('role') ?? '',
    status: oneOf(statuses, query.get('status'), 'ALL'),
    sortBy: oneOf(sortableColumns, query.get('sort'), 'name'),
    sortDirection: query.get('dir') === 'desc' ? 'desc' : 'asc',
    page: count(query.get('page'), 0),
    pageSize: count(query.get('size'), defaultSearch.pageSize, 100) || defaultSearch.pageSize,
  };
}

/** The query string of a search, leaving out what is at its default. */
export function queryOfSearch(state: SearchState): string {
  const query = new URLSearchParams();
  const put = (key: string, value: string | number, fallback: string | number) => {
    if (value !== fallback) query.set(key, String(value));
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
  put('size', state.pageSize, defaultSearch.pageSize);
  const text = query.toString();
  return text ? `?${text}` : '';
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
  };
}
