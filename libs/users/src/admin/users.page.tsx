import { navigate, useRoute } from '@ulms/ui';
import { useEffect } from 'react';
import { FindUsersPage } from './find-users/find-users.page.js';
import { userDetailsPath } from './shared/users-paths.js';

/** The /users route: Find and Manage Users; an old `?user=` address moves on to the user's own page. */
export function UsersPage() {
  const { query } = useRoute();
  const legacyId = query.get('user');
  useEffect(() => {
    if (legacyId) navigate(userDetailsPath(legacyId), { replace: true });
  }, [legacyId]);
  return legacyId ? null : <FindUsersPage />;
}
