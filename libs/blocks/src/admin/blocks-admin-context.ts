import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { composeRouter, platformPlugin } from '@ulms/platform';
import { useAdminTrpc } from '@ulms/ui';
import type { blocksPlugin } from '../server/blocks.plugin.js';

/** The part of the app's router the blocks screens call; a type only, so no server code reaches the browser. */
export type BlocksAdminRouter = ReturnType<typeof composeRouter<readonly [typeof platformPlugin, typeof blocksPlugin]>>;

/** The app's tRPC options proxy, typed with the blocks screens' part of the router. */
export function useBlocksTrpc(): TRPCOptionsProxy<BlocksAdminRouter> {
  return useAdminTrpc<BlocksAdminRouter>();
}
