import { keepPreviousData, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { useAdminHost } from '@ulms/ui';
import type { SearchUsersInput, UserListPage, UserListRow } from '@ulms/users/contracts';

/** The one procedure of the users module the preview's user picker reads, typed by its contract. */
interface UsersSearch {
  readonly users: {
    readonly search: { queryOptions(input: SearchUsersInput): UseQueryOptions<UserListPage> };
  };
}

const minSearchLength = 2;

/** The first users matching `text` by name, identifier or email, as Find and Manage Users searches them. */
export function useUserSearch(text: string): { rows: readonly UserListRow[]; loading: boolean } {
  const trpc = useAdminHost().trpc as UsersSearch;
  const query = text.trim();
  const enabled = query.length >= minSearchLength;
  const result = useQuery({
    ...trpc.users.search.queryOptions({ query, searchBy: 'all', pageSize: 8, sortBy: 'name' }),
    enabled,
    placeholderData: keepPreviousData,
  });
  return { rows: enabled ? (result.data?.rows ?? []) : [], loading: result.isFetching };
}
