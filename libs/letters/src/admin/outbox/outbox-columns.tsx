import type { OutboxEntryDto } from '@ulms/letters/contracts';
import type { ColumnDef } from '@ulms/ui';
import { dateAndTime } from '../letter-format.js';
import { sortableColumns } from './outbox-rows.js';
import { LetterStatusBadge } from '../letter-status.badge.js';

const none = <span className="muted">—</span>;

/** The date over the time: the list stays narrow enough for the subject. */
function Moment({ value }: { readonly value: Date }) {
  const [date, time] = dateAndTime(value);
  return (
    <span className="cell-stack letters-nowrap">
      <span>{date}</span>
      <span className="muted">{time}</span>
    </span>
  );
}

/** An address may break after its @ only. */
function Address({ value }: { readonly value: string }) {
  const at = value.indexOf('@');
  return at < 0 ? (
    <span>{value}</span>
  ) : (
    <span>
      {value.slice(0, at + 1)}
      <wbr />
      {value.slice(at + 1)}
    </span>
  );
}

/** The outbox list's columns; the subject opens the letter. */
export function outboxColumns(open: (entry: OutboxEntryDto) => void): ColumnDef<OutboxEntryDto>[] {
  const columns: ColumnDef<OutboxEntryDto>[] = [
    {
      id: 'createdAt',
      header: 'Created',
      cell: ({ row }) => <Moment value={row.original.createdAt} />,
    },
    { id: 'letterType', header: 'Letter type', cell: ({ row }) => row.original.letterTypeName },
    {
      id: 'to',
      header: 'To',
      cell: ({ row }) => <Address value={row.original.toAddress} />,
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
    { id: 'status', header: 'Status', cell: ({ row }) => <LetterStatusBadge status={row.original.status} /> },
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
      cell: ({ row }) => (row.original.sentAt ? <Moment value={row.original.sentAt} /> : none),
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
