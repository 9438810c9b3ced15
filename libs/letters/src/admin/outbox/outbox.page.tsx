import { DataTable, PageHeader, type SortingState } from '@ulms/ui';
import { useMemo, useState } from 'react';
import '../letters-admin.css';
import { outboxColumns } from './outbox-columns.js';
import { OutboxFilters, type OutboxFilterValues } from './outbox-filters.js';
import { OutboxLetterDialog } from './outbox-letter.dialog.js';
import { defaultSorting, sortedEntries } from './outbox-rows.js';
import { TransportNotice } from './transport-notice.js';
import { useLetterTypeOptions } from './use-letter-type-options.js';
import { useOutboxPages } from './use-outbox-pages.js';

/** The institution's outbox: every letter, newest first, filtered by status and type, each one readable. */
export function OutboxPage() {
  const [filters, setFilters] = useState<OutboxFilterValues>({});
  const [sorting, setSorting] = useState<SortingState>(defaultSorting);
  const [open, setOpen] = useState<{ id: string; subject: string } | null>(null);
  const outbox = useOutboxPages(filters);
  const letterTypes = useLetterTypeOptions(outbox.entries);
  const columns = useMemo(() => outboxColumns((entry) => setOpen({ id: entry.id, subject: entry.subject })), []);
  const rows = useMemo(() => sortedEntries(outbox.entries, sorting), [outbox.entries, sorting]);
  const filtered = Boolean(filters.status ?? filters.letterTypeId);
  return (
    <>
      <PageHeader title="Outbox" description="The letters the library sends, newest first, with what each said." />
      <div className="letters-outbox">
        <TransportNotice />
        <OutboxFilters value={filters} letterTypes={letterTypes} onChange={setFilters} />
        {outbox.isError ? (
          <p className="ui-form-error" role="alert">
            Could not load the outbox: {outbox.error.message}
          </p>
        ) : (
          <DataTable
            caption="Outbox"
            rows={rows}
            columns={columns}
            getRowId={(entry) => entry.id}
            loading={outbox.isFetching}
            emptyMessage={filtered ? 'No letters match these filters.' : 'No letters yet.'}
            sorting={{ value: sorting, onChange: setSorting }}
          />
        )}
        <div className="letters-more">
          <span className="muted" role="status">
            {outbox.entries.length} letter{outbox.entries.length === 1 ? '' : 's'} shown
            {outbox.hasNextPage ? '; there are more' : ''}
          </span>
          {outbox.hasNextPage ? (
            <button
              type="button"
              className="ui-button ui-button--small"
              disabled={outbox.isFetchingNextPage}
              onClick={() => void outbox.fetchNextPage()}
            >
              {outbox.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </div>
      </div>
      {open ? <OutboxLetterDialog id={open.id} subject={open.subject} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
