import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AnyTRPCRouter } from '@trpc/server';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type AdminAccess, adminExtensionsFor } from './admin-access.js';
import type { AdminExtension, AdminExtensionPoint, AdminPlugin } from './admin-plugin.js';

/** What the admin app hands every plugin's screens. */
export interface AdminHost extends AdminAccess {
  /** The app's tRPC options proxy over its whole router; read it typed with `useAdminTrpc<YourRouter>()`. */
  readonly trpc: unknown;
  /** Every admin plugin the app ships, enabled or not; `useAdminExtensions` picks the enabled ones. */
  readonly plugins: readonly AdminPlugin[];
}

const AdminHostContext = createContext<AdminHost | null>(null);

export interface AdminHostProviderProps extends AdminHost {
  readonly children: ReactNode;
}

/** Gives the screens inside it (every signed-in page) the app's tRPC proxy, plugins and the staff member's access. */
export function AdminHostProvider({ trpc, plugins, enabledModules, permissions, children }: AdminHostProviderProps) {
  const host = useMemo(
    () => ({ trpc, plugins, enabledModules, permissions }),
    [trpc, plugins, enabledModules, permissions],
  );
  return <AdminHostContext.Provider value={host}>{children}</AdminHostContext.Provider>;
}

/** The admin app's host; only screens rendered inside `AdminHostProvider` may call it. */
export function useAdminHost(): AdminHost {
  const host = useContext(AdminHostContext);
  if (!host) throw new Error('Admin screens must be rendered inside AdminHostProvider');
  return host;
}

/**
 * The app's tRPC options proxy typed with the router the calling plugin knows: its own procedures and the
 * kernel's, e.g. `ReturnType<typeof composeRouter<readonly [typeof platformPlugin, typeof finesPlugin]>>`.
 * The app's router holds every installed plugin's, so the part a plugin names is there at run time.
 */
export function useAdminTrpc<TRouter extends AnyTRPCRouter>(): TRPCOptionsProxy<TRouter> {
  return useAdminHost().trpc as TRPCOptionsProxy<TRouter>;
}

/** Whether the signed-in staff member holds `permission`. */
export function useAdminCan(permission: string): boolean {
  return useAdminHost().permissions.includes(permission);
}

/**
 * The contributions to an admin extension point from plugins whose module is enabled for the institution,
 * in plugin order, without those whose `permission` the staff member lacks.
 */
export function useAdminExtensions<T extends AdminExtension>(point: AdminExtensionPoint<T>): readonly T[] {
  const host = useAdminHost();
  return useMemo(() => adminExtensionsFor(host.plugins, point, host), [host, point]);
}
