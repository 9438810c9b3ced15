import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { isActive } from '../sis-format.js';
import { useSisTrpc } from '../sis-admin-context.js';

/**
 * One run, read again every second while it loads its file; when it ends, its entries and the runs list are
 * read afresh.
 */
export function useSisRun(id: string) {
  const trpc = useSisTrpc();
  const queryClient = useQueryClient();
  const run = useQuery({
    ...trpc.sis.runs.get.queryOptions({ id }),
    refetchInterval: (query) => (query.state.data && !isActive(query.state.data.status) ? false : 1000),
  });
  const status = run.data?.status;
  const wasActive = useRef(false);
  useEffect(() => {
    if (!status) return;
    if (isActive(status)) wasActive.current = true;
    else if (wasActive.current) {
      wasActive.current = false;
      void queryClient.invalidateQueries(trpc.sis.runs.entries.pathFilter());
      void queryClient.invalidateQueries(trpc.sis.runs.list.pathFilter());
    }
  }, [status, queryClient, trpc]);
  return run;
}
