import { Navigate, useRouteSearch } from '@ulms/ui';
import { z } from 'zod';
import { FindUsersPage } from './find-users/find-users.page.js';
import { userDetailsLink } from './shared/users-paths.js';

/**
 * The search params of /users: an old `?user=` address; the other keys belong to Find and Manage Users
 * (loose, so the router's validation keeps them for it).
 */
export const usersSearch = z.looseObject({ user: z.string().optional().catch(undefined) });

/** The /users route: Find and Manage Users; an old `?user=` address moves on to the user's own page. */
export function UsersPage() {
  const { user: legacyId } = useRouteSearch(usersSearch);
  return legacyId ? <Navigate {...userDetailsLink(legacyId)} replace /> : <FindUsersPage />;
}
