import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { SisRunEntryDto, SisRunOutcome } from '@ulms/sis/contracts';
import { useSisTrpc } from '../sis-admin-context.js';

const pageSize = 50;

/** A run's entries of one outcome (all without), in file order, a page at a time. */
export function useSisRunEntries(runId: string, outcome: SisRunOutcome | undefined) {
  const trpc = useSisTrpc();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: [...trpc.sis.runs.entries.queryKey({ runId, outcome }), 'pages'],
    initialPageParam: -1,
    queryFn: ({ pageParam }) =>
      queryClient.fetchQuery({
        ...trpc.sis.runs.entries.queryOptions({ runId, outcome, after: pageParam, limit: pageSize }),
        staleTime: 0,
      }),
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const entries: readonly SisRunEntryDto[] = query.data?.pages.flatMap((page) => page.entries) ?? [];
  return { ...query, entries };
}
