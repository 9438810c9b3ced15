import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { CourseStatus, EnrolmentDto } from '@ulms/courses/contracts';
import { useCoursesTrpc } from '../courses-admin-context.js';

const pageSize = 100;

export interface EnrolmentFilters {
  readonly term?: string;
  readonly status?: CourseStatus;
}

/** The user's enrolments by course code, filtered by term and course status, a page at a time. */
export function useEnrolmentPages(userId: string, filters: EnrolmentFilters) {
  const trpc = useCoursesTrpc();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: [...trpc.courses.enrolments.list.queryKey({ userId, ...filters }), 'pages'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      queryClient.fetchQuery({
        ...trpc.courses.enrolments.list.queryOptions({ userId, ...filters, limit: pageSize, after: pageParam }),
        staleTime: 0,
      }),
    getNextPageParam: (page) => page.next ?? undefined,
    // Another filter keeps the rows and the terms shown until its answer comes.
    placeholderData: keepPreviousData,
  });
  const enrolments: readonly EnrolmentDto[] = query.data?.pages.flatMap((page) => page.enrolments) ?? [];
  const first = query.data?.pages[0];
  return { ...query, enrolments, total: first?.total ?? 0, terms: first?.terms ?? [] };
}
