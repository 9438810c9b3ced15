import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { SisRunDto } from '@ulms/sis/contracts';
import { isActive } from '../sis-format.js';
import { useSisTrpc } from '../sis-admin-context.js';

const pageSize = 25;

/**
 * The institution's runs, newest first, a page at a time; while one of them is loading its file, the list is
 * read again every second so its counts move.
 */
export function useSisRunsPages() {
  const trpc = useSisTrpc();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: [...trpc.sis.runs.list.queryKey(), 'pages'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      queryClient.fetchQuery({
        ...trpc.sis.runs.list.queryOptions({ limit: pageSize, before: pageParam }),
        staleTime: 0,
      }),
    getNextPageParam: (page) => (page.length === pageSize ? page[page.length - 1]?.createdAt : undefined),
    refetchInterval: (current) =>
      current.state.data?.pages.some((page) => page.some((run) => isActive(run.status))) ? 1000 : false,
  });
  const runs: readonly SisRunDto[] = query.data?.pages.flat() ?? [];
  return { ...query, runs };
}
