import type { OutboxEntryDto } from '@ulms/letters/contracts';
import type { ColumnDef } from '@ulms/ui';
import { dateAndTime } from '../letter-format.js';
import { LetterStatusBadge } from '../letter-status.badge.js';

const none = <span className="muted">—</span>;

/** A date over its time, so the wide list keeps its text columns readable. */
function When({ at }: { readonly at: Date | null }) {
  if (!at) return none;
  const [date, time] = dateAndTime(at);
  return (
    <span className="letters-log__when">
      <span>{date}</span>
      <span className="muted">{time}</span>
    </span>
  );
}

/** The letter log's columns; the view button sits in the row actions. */
export const letterLogColumns: ColumnDef<OutboxEntryDto>[] = [
  { id: 'createdAt', header: 'Created', cell: ({ row }) => <When at={row.original.createdAt} /> },
  { id: 'letterType', header: 'Letter type', enableHiding: false, cell: ({ row }) => row.original.letterTypeName },
  {
    id: 'subject',
    header: 'Subject',
    cell: ({ row }) => <span className="letters-log__subject">{row.original.subject}</span>,
  },
  { id: 'to', header: 'To', cell: ({ row }) => <span className="letters-log__to">{row.original.toAddress}</span> },
  { id: 'status', header: 'Status', cell: ({ row }) => <LetterStatusBadge status={row.original.status} /> },
  { id: 'attempts', header: 'Attempts', cell: ({ row }) => row.original.attempts },
  {
    id: 'lastError',
    header: 'Last error',
    cell: ({ row }) =>
      row.original.lastError ? <span className="letters-log__error">{row.original.lastError}</span> : none,
  },
  { id: 'sentAt', header: 'Sent', cell: ({ row }) => <When at={row.original.sentAt} /> },
];
