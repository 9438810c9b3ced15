import { type UseQueryOptions, useQuery } from '@tanstack/react-query';
import type { UserDto } from '@ulms/users/contracts';
import { useAdminHost } from '@ulms/ui';

/** The one procedure of the users module these screens read, typed by its contract's DTO. */
interface UsersGet {
  readonly users: { readonly get: { queryOptions(input: { id: string }): UseQueryOptions<UserDto> } };
}

/**
 * The user User Details shows (its query, so no second request): the send dialogs name the recipient. The users
 * module's router type is not the letters module's to import, so the procedure is named here.
 */
export function useUserRecord(userId: string): UserDto | undefined {
  const trpc = useAdminHost().trpc as UsersGet;
  return useQuery(trpc.users.get.queryOptions({ id: userId })).data;
}
