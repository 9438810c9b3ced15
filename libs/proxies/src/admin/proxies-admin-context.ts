import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { composeRouter, platformPlugin } from '@ulms/platform';
import { useAdminTrpc } from '@ulms/ui';
import type { proxiesPlugin } from '../server/proxies.plugin.js';

/** The part of the app's router the proxies screens call; a type only, so no server code reaches the browser. */
export type ProxiesAdminRouter = ReturnType<
  typeof composeRouter<readonly [typeof platformPlugin, typeof proxiesPlugin]>
>;

/** The app's tRPC options proxy, typed with the proxies screens' part of the router. */
export function useProxiesTrpc(): TRPCOptionsProxy<ProxiesAdminRouter> {
  return useAdminTrpc<ProxiesAdminRouter>();
}
