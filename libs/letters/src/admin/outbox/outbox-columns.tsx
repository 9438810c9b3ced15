import type { OutboxEntryDto } from '@ulms/letters/contracts';
import type { ColumnDef } from '@ulms/ui';
import { formatDateTime } from './outbox-format.js';
import { sortableColumns } from './outbox-rows.js';
import { OutboxStatusBadge } from './outbox-status.badge.js';

const none = <span className="muted">—</span>;

/** The outbox list's columns; the subject opens the letter. */
export function outboxColumns(open: (entry: OutboxEntryDto) => void): ColumnDef<OutboxEntryDto>[] {
  const columns: ColumnDef<OutboxEntryDto>[] = [
    {
      id: 'createdAt',
      header: 'Created',
      cell: ({ row }) => <span className="letters-nowrap">{formatDateTime(row.original.createdAt)}</span>,
    },
    { id: 'letterType', header: 'Letter type', cell: ({ row }) => row.original.letterTypeName },
    {
      id: 'to',
      header: 'To',
      cell: ({ row }) => <span className="letters-nowrap">{row.original.toAddress}</span>,
    },
    {
      id: 'subject',
      header: 'Subject',
      enableHiding: false,
      cell: ({ row }) => (
        <button type="button" className="ui-button ui-button--link letters-subject" onClick={() => open(row.original)}>
          {row.original.subject}
        </button>
      ),
    },
    { id: 'status', header: 'Status', cell: ({ row }) => <OutboxStatusBadge status={row.original.status} /> },
    { id: 'attempts', header: 'Attempts', cell: ({ row }) => row.original.attempts },
    {
      id: 'lastError',
      header: 'Last error',
      cell: ({ row }) =>
        row.original.lastError ? <span className="letters-wrap">{row.original.lastError}</span> : none,
    },
    {
      id: 'sentAt',
      header: 'Sent at',
      cell: ({ row }) =>
        row.original.sentAt ? <span className="letters-nowrap">{formatDateTime(row.original.sentAt)}</span> : none,
    },
  ];
  // The page sorts the loaded letters itself (outbox-rows.ts); TanStack offers a header's sort button only with an accessor.
  return columns.map(
    (column): ColumnDef<OutboxEntryDto> =>
      sortableColumns.includes(column.id ?? '')
        ? { ...column, accessorFn: (entry) => entry.id }
        : { ...column, enableSorting: false },
  );
}
