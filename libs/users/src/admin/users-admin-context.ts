import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { authPlugin, composeRouter, platformPlugin } from '@ulms/platform';
import { createContext, useContext } from 'react';
import type { usersPlugin } from '../server/users.plugin.js';

/**
 * The part of the app's router the users screens call: the kernel's procedures and this module's.
 * Built from the plugins rather than imported from the server app, so the module does not depend on it.
 */
export type UsersAdminRouter = ReturnType<
  typeof composeRouter<readonly [typeof platformPlugin, typeof authPlugin, typeof usersPlugin]>
>;

/** What the admin app hands the users screens: its tRPC proxy and the signed-in staff member's permissions. */
export interface UsersAdminEnvironment {
  readonly trpc: TRPCOptionsProxy<UsersAdminRouter>;
  readonly permissions: readonly string[];
}

export const UsersAdminContext = createContext<UsersAdminEnvironment | null>(null);

function useEnvironment(): UsersAdminEnvironment {
  const environment = useContext(UsersAdminContext);
  if (!environment) throw new Error('The users screens must be rendered inside UsersAdminContext');
  return environment;
}

/** The app's typed tRPC options proxy. */
export function useUsersTrpc(): TRPCOptionsProxy<UsersAdminRouter> {
  return useEnvironment().trpc;
}

/** Every permission the signed-in staff member holds. */
export function usePermissions(): readonly string[] {
  return useEnvironment().permissions;
}

/** Whether the signed-in staff member holds `permission`. */
export function useCan(permission: string): boolean {
  return useEnvironment().permissions.includes(permission);
}
