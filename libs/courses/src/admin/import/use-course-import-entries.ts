import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { CourseImportEntryDto, CourseImportOutcome } from '@ulms/courses/contracts';
import { useCoursesTrpc } from '../courses-admin-context.js';

const pageSize = 50;

/** An import's entries of one outcome (all without), in file order, a page at a time. */
export function useCourseImportEntries(importId: string, outcome: CourseImportOutcome | undefined) {
  const trpc = useCoursesTrpc();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: [...trpc.courses.imports.entries.queryKey({ importId, outcome }), 'pages'],
    initialPageParam: -1,
    queryFn: ({ pageParam }) =>
      queryClient.fetchQuery({
        ...trpc.courses.imports.entries.queryOptions({ importId, outcome, after: pageParam, limit: pageSize }),
        staleTime: 0,
      }),
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const entries: readonly CourseImportEntryDto[] = query.data?.pages.flatMap((page) => page.entries) ?? [];
  return { ...query, entries };
}
