import { useInfiniteQuery } from '@tanstack/react-query';
import { DataTable } from '@ulms/ui';
import { useMemo, useState } from 'react';
import { formatDateTime } from '../letter-format.js';
import { letterLogColumns } from './letter-log-columns.js';
import { LetterViewDialog } from './letter-view.dialog.js';
import { useLettersTrpc } from '../letters-admin-context.js';

const PAGE = 25;

/** The letters sent or queued to the user, newest first, a page at a time; each opens in a dialog. */
export function LetterLog({ userId }: { readonly userId: string }) {
  const trpc = useLettersTrpc();
  const [open, setOpen] = useState<string | null>(null);
  const log = useInfiniteQuery(
    trpc.letters.log.list.infiniteQueryOptions(
      { userId, limit: PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const rows = useMemo(() => log.data?.pages.flatMap((page) => page.entries) ?? [], [log.data]);

  return (
    <section className="letters-tab__section" aria-labelledby="letters-log-title">
      <h3 id="letters-log-title">Letter log</h3>
      {log.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the letters: {log.error.message}
        </p>
      ) : (
        <DataTable
          caption="Letter log"
          rows={rows}
          columns={letterLogColumns}
          getRowId={(entry) => entry.id}
          loading={log.isFetching && !log.isFetchingNextPage}
          emptyMessage="No letters were sent to this user."
          rowActions={(entry) => (
            <button
              type="button"
              className="ui-button ui-button--small"
              aria-label={`View ${entry.letterTypeName}: ${entry.subject}, ${formatDateTime(entry.createdAt)}`}
              onClick={() => setOpen(entry.id)}
            >
              View
            </button>
          )}
        />
      )}
      {log.hasNextPage ? (
        <button
          type="button"
          className="ui-button ui-button--small letters-log__more"
          disabled={log.isFetchingNextPage}
          aria-busy={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {log.isFetchingNextPage ? 'Loading…' : 'Show older letters'}
        </button>
      ) : null}
      {open ? <LetterViewDialog userId={userId} letterId={open} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
