import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { composeRouter, platformPlugin } from '@ulms/platform';
import { useAdminTrpc } from '@ulms/ui';
import type { finesPlugin } from '../server/fines.plugin.js';

/** The part of the app's router the fines screens call; a type only, so no server code reaches the browser. */
export type FinesAdminRouter = ReturnType<typeof composeRouter<readonly [typeof platformPlugin, typeof finesPlugin]>>;

/** The app's tRPC options proxy, typed with the fines screens' part of the router. */
export function useFinesTrpc(): TRPCOptionsProxy<FinesAdminRouter> {
  return useAdminTrpc<FinesAdminRouter>();
}
