import type { UseQueryOptions } from '@tanstack/react-query';
import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { composeRouter, platformPlugin } from '@ulms/platform';
import { useAdminHost, useAdminTrpc } from '@ulms/ui';
import type { CodeTableEntryDto } from '@ulms/users/contracts';
import type { sisPlugin } from '../server/sis.plugin.js';

/** The part of the app's router the SIS screens call; a type only, so no server code reaches the browser. */
export type SisAdminRouter = ReturnType<typeof composeRouter<readonly [typeof platformPlugin, typeof sisPlugin]>>;

/** The app's tRPC options proxy, typed with the SIS screens' part of the router. */
export function useSisTrpc(): TRPCOptionsProxy<SisAdminRouter> {
  return useAdminTrpc<SisAdminRouter>();
}

/** The one procedure of the users module the SIS screens read, typed by its contract. */
interface UsersCodeTables {
  readonly users: {
    readonly codeTables: { readonly list: { queryOptions(): UseQueryOptions<readonly CodeTableEntryDto[]> } };
  };
}

/** The users' code tables query (user groups, campuses… by their descriptions). */
export function useCodeTablesQuery(): UseQueryOptions<readonly CodeTableEntryDto[]> {
  return (useAdminHost().trpc as UsersCodeTables).users.codeTables.list.queryOptions();
}
