import { useQueryClient } from '@tanstack/react-query';
import { useToast } from '@ulms/ui';
import { useCallback } from 'react';
import { useProxiesTrpc } from './proxies-admin-context.js';

/**
 * After a change: says so, and reloads both users' lists and the users screens' queries (a change is recorded in
 * the proxy's History and moves their record dates).
 */
export function useProxiesChanged(): (message: string) => Promise<void> {
  const trpc = useProxiesTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  return useCallback(
    async (message: string) => {
      toast.show(message, 'success');
      await Promise.all([
        queryClient.invalidateQueries(trpc.proxies.pathFilter()),
        // The users module's tRPC queries, by their path: its router type is not the proxies module's to import.
        queryClient.invalidateQueries({ queryKey: [['users']] }),
      ]);
    },
    [trpc, queryClient, toast],
  );
}
