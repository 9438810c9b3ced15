import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { composeRouter, platformPlugin } from '@ulms/platform';
import { useAdminTrpc } from '@ulms/ui';
import type { lettersPlugin } from '../server/letters.plugin.js';

/** The part of the app's router the letters screens call; a type only, so no server code reaches the browser. */
export type LettersAdminRouter = ReturnType<
  typeof composeRouter<readonly [typeof platformPlugin, typeof lettersPlugin]>
>;

/** The app's tRPC options proxy, typed with the letters screens' part of the router. */
export function useLettersTrpc(): TRPCOptionsProxy<LettersAdminRouter> {
  return useAdminTrpc<LettersAdminRouter>();
}
