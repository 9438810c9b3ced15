import { useQueryClient } from '@tanstack/react-query';
import { useToast } from '@ulms/ui';
import { useCallback } from 'react';
import { useLettersTrpc } from '../letters-admin-context.js';

/** After a letter is queued: says so and reads the letter log (and the outbox) again. */
export function useLetterSent(): (message: string) => Promise<void> {
  const trpc = useLettersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  return useCallback(
    async (message: string) => {
      toast.show(message, 'success');
      await Promise.all([
        queryClient.invalidateQueries(trpc.letters.log.pathFilter()),
        queryClient.invalidateQueries(trpc.letters.outbox.pathFilter()),
      ]);
    },
    [trpc, queryClient, toast],
  );
}
