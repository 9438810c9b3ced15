import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useUsersTrpc } from '../users-admin-context.js';

/** After a change on one tab: the user's lists, record and history are read again. */
export function useRefreshUser(userId: string): () => Promise<void> {
  const trpc = useUsersTrpc();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.users.notes.list.queryFilter({ userId })),
      queryClient.invalidateQueries(trpc.users.statistics.list.queryFilter({ userId })),
      queryClient.invalidateQueries(trpc.users.attachments.list.queryFilter({ userId })),
      queryClient.invalidateQueries(trpc.users.history.pathFilter()),
      queryClient.invalidateQueries(trpc.users.get.queryFilter({ id: userId })),
      queryClient.invalidateQueries(trpc.users.search.pathFilter()),
    ]);
  }, [trpc, queryClient, userId]);
}
