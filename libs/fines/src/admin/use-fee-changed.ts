import { useQueryClient } from '@tanstack/react-query';
import { useToast } from '@ulms/ui';
import { useCallback } from 'react';
import { useFinesTrpc } from './fines-admin-context.js';

/** After an action: says so, and reloads the list, the balances and any open fee details. */
export function useFeeChanged(): (message: string) => Promise<void> {
  const trpc = useFinesTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  return useCallback(
    async (message: string) => {
      toast.show(message, 'success');
      await queryClient.invalidateQueries(trpc.fines.pathFilter());
    },
    [trpc, queryClient, toast],
  );
}
