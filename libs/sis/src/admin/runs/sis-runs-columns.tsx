import type { SisRunCounts, SisRunDto } from '@ulms/sis/contracts';
import { type ColumnDef, Link } from '@ulms/ui';
import { dateAndTime, formatSize } from '../sis-format.js';
import { SisRunStatusBadge } from '../sis-run-status.badge.js';
import { sortableColumns } from './sis-runs-rows.js';

const none = <span className="muted">—</span>;

/** The date over the time: the list stays narrow enough for its counts. */
function Moment({ value }: { readonly value: string }) {
  const [date, time] = dateAndTime(value);
  return (
    <span className="cell-stack sis-nowrap">
      <span>{date}</span>
      <span className="muted">{time}</span>
    </span>
  );
}

const count = (id: keyof SisRunCounts, header: string): ColumnDef<SisRunDto> => ({
  id,
  header,
  cell: ({ row }) => <span className="sis-number">{row.original.counts[id].toLocaleString()}</span>,
});

/** The runs list's columns; the file name opens the run. */
export const sisRunsColumns: ColumnDef<SisRunDto>[] = (
  [
    {
      id: 'createdAt',
      header: 'Started',
      cell: ({ row }) => (
        <span className="cell-stack">
          <Moment value={row.original.createdAt} />
          <span className="muted">by {row.original.startedBy}</span>
        </span>
      ),
    },
    {
      id: 'file',
      header: 'File',
      enableHiding: false,
      cell: ({ row }) => (
        <span className="cell-stack">
          <Link className="sis-file" to="/sis/runs/$runId" params={{ runId: row.original.id }}>
            {row.original.fileName}
          </Link>
          <span className="muted sis-nowrap">
            <span className="ui-visually-hidden">Profile </span>
            <code>{row.original.profileCode}</code> · {formatSize(row.original.fileSize)}
          </span>
        </span>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row }) => (
        <span className="sis-kind">
          <SisRunStatusBadge status={row.original.status} />
          {row.original.dryRun ? <span className="badge sis-dry">Dry run</span> : null}
          {row.original.fullLoad ? <span className="badge badge--off">Full load</span> : null}
        </span>
      ),
    },
    count('processed', 'Processed'),
    count('created', 'Created'),
    count('updated', 'Updated'),
    count('unchanged', 'Unchanged'),
    count('rejected', 'Rejected'),
    count('deactivated', 'Deactivated'),
    {
      id: 'finishedAt',
      header: 'Finished',
      cell: ({ row }) => (row.original.finishedAt ? <Moment value={row.original.finishedAt} /> : none),
    },
  ] satisfies ColumnDef<SisRunDto>[]
).map(
  // The page sorts the loaded runs itself (sis-runs-rows.ts); TanStack offers a header's sort button only with an accessor.
  (column): ColumnDef<SisRunDto> =>
    sortableColumns.includes(column.id ?? '')
      ? { ...column, accessorFn: (run) => run.id }
      : { ...column, enableSorting: false },
);
