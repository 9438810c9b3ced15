import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { CourseImportDto } from '@ulms/courses/contracts';
import { useCoursesTrpc } from '../courses-admin-context.js';
import { isActive } from '../courses-format.js';

const pageSize = 25;

/**
 * The institution's enrolment imports, newest first, a page at a time; while one of them is reading its file, the
 * list is read again every second so its counts move.
 */
export function useCourseImportsPages() {
  const trpc = useCoursesTrpc();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: [...trpc.courses.imports.list.queryKey(), 'pages'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      queryClient.fetchQuery({
        ...trpc.courses.imports.list.queryOptions({ limit: pageSize, before: pageParam }),
        staleTime: 0,
      }),
    getNextPageParam: (page) => (page.length === pageSize ? page[page.length - 1]?.createdAt : undefined),
    refetchInterval: (current) =>
      current.state.data?.pages.some((page) => page.some((item) => isActive(item.status))) ? 1000 : false,
  });
  const imports: readonly CourseImportDto[] = query.data?.pages.flat() ?? [];
  return { ...query, imports };
}
