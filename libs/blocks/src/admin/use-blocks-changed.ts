import { useQueryClient } from '@tanstack/react-query';
import { useToast } from '@ulms/ui';
import { useCallback } from 'react';
import { useBlocksTrpc } from './blocks-admin-context.js';

/**
 * After a change: says so, and reloads the blocks, the checks and the users screens' queries (a change touches
 * the user, so User Details' record dates and History and the Blocks column of Find and Manage Users move).
 */
export function useBlocksChanged(): (message: string) => Promise<void> {
  const trpc = useBlocksTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  return useCallback(
    async (message: string) => {
      toast.show(message, 'success');
      await Promise.all([
        queryClient.invalidateQueries(trpc.blocks.pathFilter()),
        // The users module's tRPC queries, by their path: its router type is not the blocks module's to import.
        queryClient.invalidateQueries({ queryKey: [['users']] }),
      ]);
    },
    [trpc, queryClient, toast],
  );
}
