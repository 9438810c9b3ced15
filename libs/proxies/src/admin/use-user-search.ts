import { keepPreviousData, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { useAdminHost } from '@ulms/ui';
import type { SearchUsersInput, UserListPage, UserListRow } from '@ulms/users/contracts';

/** The one procedure of the users module the patron picker reads, typed by its contract. */
interface UsersSearch {
  readonly users: {
    readonly search: { queryOptions(input: SearchUsersInput): UseQueryOptions<UserListPage> };
  };
}

/** The fewest characters searched for: one letter would list half the institution. */
export const minSearchLength = 2;

/**
 * Users matching `text` by name, primary or other identifier, or email, as Find and Manage Users searches them
 * (its first page, by name), without Contact users, who take no part in proxies. The users module's router type
 * is not the proxies module's to import, so the procedure is named here.
 */
export function useUserSearch(text: string, pageSize = 8): { rows: readonly UserListRow[]; loading: boolean } {
  const trpc = useAdminHost().trpc as UsersSearch;
  const query = text.trim();
  const result = useQuery({
    ...trpc.users.search.queryOptions({ query, searchBy: 'all', pageSize, sortBy: 'name' }),
    enabled: query.length >= minSearchLength,
    placeholderData: keepPreviousData,
  });
  const rows = query.length >= minSearchLength ? (result.data?.rows ?? []) : [];
  return { rows: rows.filter((row) => row.recordType !== 'CONTACT'), loading: result.isFetching };
}
