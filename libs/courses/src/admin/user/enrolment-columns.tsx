import type { EnrolmentDto } from '@ulms/courses/contracts';
import type { ColumnDef } from '@ulms/ui';
import { codeOf, courseStatusLabels, formatDate } from '../courses-format.js';

const none = <span className="muted">—</span>;

/** The Courses tab's columns: the course, its term, dates, status and instructors, and since when the user is in it. */
export const enrolmentColumns: ColumnDef<EnrolmentDto>[] = [
  {
    id: 'code',
    header: 'Course',
    enableHiding: false,
    cell: ({ row }) => <code className="courses-nowrap">{codeOf(row.original.course)}</code>,
  },
  {
    id: 'name',
    header: 'Name',
    cell: ({ row }) => (
      <span className="cell-stack">
        <span>{row.original.course.name}</span>
        {row.original.course.academicDepartment ? (
          <span className="muted">{row.original.course.academicDepartment}</span>
        ) : null}
      </span>
    ),
  },
  { id: 'term', header: 'Term', cell: ({ row }) => row.original.course.term ?? none },
  {
    id: 'dates',
    header: 'Dates',
    cell: ({ row }) => {
      const { startDate, endDate } = row.original.course;
      if (!startDate && !endDate) return none;
      return (
        <span className="cell-stack courses-nowrap">
          <span>{startDate ? formatDate(startDate) : '…'} –</span>
          <span>{endDate ? formatDate(endDate) : '…'}</span>
        </span>
      );
    },
  },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => (
      <span className={row.original.course.status === 'ACTIVE' ? 'badge badge--on' : 'badge badge--off'}>
        {courseStatusLabels[row.original.course.status]}
      </span>
    ),
  },
  {
    id: 'instructors',
    header: 'Instructors',
    cell: ({ row }) =>
      row.original.course.instructors.length === 0 ? (
        none
      ) : (
        <ul className="courses-instructors">
          {row.original.course.instructors.map((instructor) => (
            <li key={instructor.userId}>{instructor.name || instructor.primaryId}</li>
          ))}
        </ul>
      ),
  },
  {
    id: 'enrolledSince',
    header: 'Enrolled since',
    cell: ({ row }) => <span className="courses-nowrap">{formatDate(row.original.enrolledSince)}</span>,
  },
];
