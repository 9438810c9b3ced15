import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { OutboxEntryDto } from '@ulms/letters/contracts';
import type { OutboxFilterValues } from './outbox-filters.js';
import { useLettersTrpc } from '../letters-admin-context.js';

const pageSize = 25;

/** The outbox, newest first, a page at a time: the letters loaded so far and a way to load the next page. */
export function useOutboxPages(filters: OutboxFilterValues) {
  const trpc = useLettersTrpc();
  const query = useInfiniteQuery(
    trpc.letters.outbox.list.infiniteQueryOptions(
      { ...filters, limit: pageSize },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const entries: readonly OutboxEntryDto[] = query.data?.pages.flatMap((page) => page.entries) ?? [];
  return { ...query, entries };
}
