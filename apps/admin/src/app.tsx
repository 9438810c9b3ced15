import { useQuery } from '@tanstack/react-query';
import { safeReturnPath, useRoute } from '@ulms/ui';
import { adminModules } from './admin-modules.js';
import { AccountPage } from './account/account.page.js';
import { AppLayout } from './layout/app-layout.js';
import { allowedRouteAt } from './navigation/navigation.js';
import { FullPageMessage } from './pages/full-page-message.js';
import { HomePage } from './pages/home.page.js';
import { NoAccessPage } from './pages/no-access.page.js';
import { Redirect } from './pages/redirect.js';
import { SessionContext } from './session/session-context.js';
import { signInLocation } from './session/sign-in-location.js';
import { ForcedPasswordChangePage } from './sign-in/forced-password-change.page.js';
import { SignInPage } from './sign-in/sign-in.page.js';
import { useTRPC } from './trpc/trpc.js';

function routeAt(info: Parameters<typeof allowedRouteAt>[1], path: string) {
  const match = allowedRouteAt(adminModules, info, path);
  return match ? match.route.render(match.params) : null;
}

/** Picks the screen from the session and the location: sign-in, the forced password change, or a page. */
export function App() {
  const trpc = useTRPC();
  const route = useRoute();
  const session = useQuery(trpc.auth.session.queryOptions());

  if (session.isPending) return <FullPageMessage title="Loading…" />;
  if (session.isError) {
    return (
      <FullPageMessage title="The server cannot be reached" action={{ label: 'Try again', onClick: () => session.refetch() }}>
        {session.error.message}
      </FullPageMessage>
    );
  }

  const info = session.data;
  if (route.path === '/sign-in') {
    if (info && !info.mustChangePassword) return <Redirect to={safeReturnPath(route.query.get('next'))} />;
    return <SignInPage />;
  }
  if (!info) return <Redirect to={signInLocation(window.location.pathname + window.location.search)} />;
  if (info.mustChangePassword) return <ForcedPasswordChangePage />;

  const page =
    route.path === '/' ? (
      <HomePage />
    ) : route.path === '/account' ? (
      <AccountPage />
    ) : (
      (routeAt(info, route.path) ?? <NoAccessPage />)
    );
  return (
    <SessionContext.Provider value={info}>
      <AppLayout>{page}</AppLayout>
    </SessionContext.Provider>
  );
}
