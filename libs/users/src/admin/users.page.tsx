import { Navigate, useRouteSearch } from '@ulms/ui';
import { z } from 'zod';
import { FindUsersPage } from './find-users/find-users.page.js';
import { findUsersSearch } from './find-users/search-state.js';
import { userDetailsLink } from './shared/users-paths.js';

/** The search params of /users: Find and Manage Users' search, sort and page, and an old `?user=` address. */
export const usersSearch = findUsersSearch.extend({ user: z.string().optional().catch(undefined) });

/** The /users route: Find and Manage Users; an old `?user=` address moves on to the user's own page. */
export function UsersPage() {
  const { user: legacyId } = useRouteSearch(usersSearch);
  return legacyId ? <Navigate {...userDetailsLink(legacyId)} replace /> : <FindUsersPage />;
}
