import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { authPlugin, composeRouter, platformPlugin } from '@ulms/platform';
import { useAdminCan, useAdminHost, useAdminTrpc } from '@ulms/ui';
import type { usersPlugin } from '../server/users.plugin.js';

/**
 * The part of the app's router the users screens call: the kernel's procedures and this module's.
 * Built from the plugins rather than imported from the server app, so the module does not depend on it.
 */
export type UsersAdminRouter = ReturnType<
  typeof composeRouter<readonly [typeof platformPlugin, typeof authPlugin, typeof usersPlugin]>
>;

/** The app's tRPC options proxy (from the admin host), typed with the users screens' part of the router. */
export function useUsersTrpc(): TRPCOptionsProxy<UsersAdminRouter> {
  return useAdminTrpc<UsersAdminRouter>();
}

/** Every permission the signed-in staff member holds. */
export function usePermissions(): readonly string[] {
  return useAdminHost().permissions;
}

/** Whether the signed-in staff member holds `permission`. */
export function useCan(permission: string): boolean {
  return useAdminCan(permission);
}
