import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useCoursesTrpc } from '../courses-admin-context.js';
import { isActive } from '../courses-format.js';

/**
 * One import, read again every second while it reads its file; when it ends, its entries and the imports list are
 * read afresh.
 */
export function useCourseImport(id: string) {
  const trpc = useCoursesTrpc();
  const queryClient = useQueryClient();
  const current = useQuery({
    ...trpc.courses.imports.get.queryOptions({ id }),
    refetchInterval: (query) => (query.state.data && !isActive(query.state.data.status) ? false : 1000),
  });
  const status = current.data?.status;
  const wasActive = useRef(false);
  useEffect(() => {
    if (!status) return;
    if (isActive(status)) wasActive.current = true;
    else if (wasActive.current) {
      wasActive.current = false;
      void queryClient.invalidateQueries(trpc.courses.imports.entries.pathFilter());
      void queryClient.invalidateQueries(trpc.courses.imports.list.pathFilter());
    }
  }, [status, queryClient, trpc]);
  return current;
}
