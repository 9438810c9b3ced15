import { useQuery } from '@tanstack/react-query';
import { Outlet, useLocation } from '@tanstack/react-router';
import {
  type AdminConfigurationPage,
  AdminHostProvider,
  type AdminRoute,
  safeReturnPath,
  useRouteSearch,
} from '@ulms/ui';
import { useMemo } from 'react';
import { AccountPage } from './account/account.page.js';
import { adminPlugins } from './admin-plugins.js';
import { AppLayout } from './layout/app-layout.js';
import { mayOpen } from './navigation/navigation.js';
import { type AppScreens, signInSearch } from './navigation/route-tree.js';
import { FullPageMessage } from './pages/full-page-message.js';
import { HomePage } from './pages/home.page.js';
import { NoAccessPage } from './pages/no-access.page.js';
import { Redirect } from './pages/redirect.js';
import { SessionContext, useSessionInfo } from './session/session-context.js';
import { signInLocation } from './session/sign-in-location.js';
import { ForcedPasswordChangePage } from './sign-in/forced-password-change.page.js';
import { SignInPage } from './sign-in/sign-in.page.js';
import { useTRPC } from './trpc/trpc.js';

function useSession() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.session.queryOptions());
}

/** Waits for the session before any screen is chosen: loading, the server being unreachable, or the route. */
function SessionGate() {
  const session = useSession();
  if (session.isPending) return <FullPageMessage title="Loading…" />;
  if (session.isError) {
    return (
      <FullPageMessage
        title="The server cannot be reached"
        action={{ label: 'Try again', onClick: () => session.refetch() }}
      >
        {session.error.message}
      </FullPageMessage>
    );
  }
  return <Outlet />;
}

/** Sign-in; a signed-in staff member goes on to the page they came for (`?next=`, same app only). */
function SignInRoute() {
  const info = useSession().data;
  const { next } = useRouteSearch(signInSearch);
  if (info && !info.mustChangePassword) return <Redirect href={safeReturnPath(next)} />;
  return <SignInPage />;
}

/**
 * The frame of every signed-in page; signed out, the way to sign-in and back; first, a forced password change.
 * Every plugin's screen inside it gets the admin host: the app's tRPC proxy, the plugins, the modules enabled for
 * the institution and the staff member's permissions.
 */
function SignedInFrame() {
  const trpc = useTRPC();
  const info = useSession().data;
  const here = useLocation({ select: (location) => location.href });
  const modules = info?.modules;
  const enabledModules = useMemo(() => (modules ?? []).map((module) => module.id), [modules]);
  if (!info) return <Redirect href={signInLocation(here)} />;
  if (info.mustChangePassword) return <ForcedPasswordChangePage />;
  return (
    <SessionContext.Provider value={info}>
      <AdminHostProvider
        trpc={trpc}
        plugins={adminPlugins}
        enabledModules={enabledModules}
        permissions={info.permissions}
      >
        <AppLayout>
          <Outlet />
        </AppLayout>
      </AdminHostProvider>
    </SessionContext.Provider>
  );
}

/** A module's page, or "no access" while its module is disabled or the staff member lacks its permission. */
function ModulePage({
  moduleId,
  route,
}: {
  readonly moduleId: string;
  readonly route: AdminRoute | AdminConfigurationPage;
}) {
  const session = useSessionInfo();
  if (!mayOpen(session, moduleId, route)) return <NoAccessPage />;
  const Page = route.component;
  return <Page />;
}

/** The app's screens the route tree is built around. */
export const appScreens: AppScreens = {
  Root: SessionGate,
  SignIn: SignInRoute,
  SignedIn: SignedInFrame,
  Home: HomePage,
  Account: AccountPage,
  NotFound: NoAccessPage,
  ModulePage,
};
