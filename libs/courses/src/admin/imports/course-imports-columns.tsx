import type { CourseImportCounts, CourseImportDto } from '@ulms/courses/contracts';
import { type ColumnDef, Link } from '@ulms/ui';
import { CourseImportStatusBadge } from '../course-import-status.badge.js';
import { dateAndTime, formatSize } from '../courses-format.js';

const none = <span className="muted">—</span>;

/** The date over the time: the list stays narrow enough for its counts. */
function Moment({ value }: { readonly value: string }) {
  const [date, time] = dateAndTime(value);
  return (
    <span className="cell-stack courses-nowrap">
      <span>{date}</span>
      <span className="muted">{time}</span>
    </span>
  );
}

const count = (id: keyof CourseImportCounts, header: string): ColumnDef<CourseImportDto> => ({
  id,
  header,
  cell: ({ row }) => <span className="courses-number">{row.original.counts[id].toLocaleString()}</span>,
});

/** The imports list's columns; the file name opens the import. */
export const courseImportsColumns: ColumnDef<CourseImportDto>[] = [
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
        <Link className="courses-file" to="/courses/imports/$importId" params={{ importId: row.original.id }}>
          {row.original.fileName}
        </Link>
        <span className="muted courses-nowrap">
          {row.original.format.toUpperCase()} · {formatSize(row.original.fileSize)}
        </span>
      </span>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => (
      <span className="courses-kind">
        <CourseImportStatusBadge status={row.original.status} />
        {row.original.dryRun ? <span className="badge courses-dry">Dry run</span> : null}
        {row.original.fullLoad ? <span className="badge badge--off">Full load</span> : null}
      </span>
    ),
  },
  count('processed', 'Processed'),
  count('added', 'Added'),
  count('kept', 'Kept'),
  count('rejected', 'Rejected'),
  count('removed', 'Removed'),
  count('coursesCreated', 'Courses created'),
  {
    id: 'finishedAt',
    header: 'Finished',
    cell: ({ row }) => (row.original.finishedAt ? <Moment value={row.original.finishedAt} /> : none),
  },
];
