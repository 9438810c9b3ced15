import type { CourseImportDto } from '@ulms/courses/contracts';
import { Link } from '@ulms/ui';
import { CourseImportStatusBadge } from '../course-import-status.badge.js';
import { formatDateTime, formatSize } from '../courses-format.js';

/** What an import is: its file, kind, status, who started it and when. */
export function CourseImportFacts({ item }: { readonly item: CourseImportDto }) {
  return (
    <dl className="courses-facts">
      <dt>File</dt>
      <dd>
        {item.fileName}{' '}
        <span className="muted">
          ({item.format.toUpperCase()}, {formatSize(item.fileSize)})
        </span>
      </dd>
      <dt>Kind</dt>
      <dd>
        {item.dryRun ? 'Dry run: no enrolment changed' : 'Import'}
        {item.fullLoad ? ', full load (enrolments missing from the file are removed)' : ''}
      </dd>
      <dt>Status</dt>
      <dd>
        <CourseImportStatusBadge status={item.status} />
      </dd>
      <dt>Started</dt>
      <dd>
        {formatDateTime(item.createdAt)} by {item.startedBy}
      </dd>
      <dt>Finished</dt>
      <dd>{formatDateTime(item.finishedAt, 'Not yet')}</dd>
      {item.appliedImportId ? (
        <>
          <dt>Applied by</dt>
          <dd>
            <Link to="/courses/imports/$importId" params={{ importId: item.appliedImportId }}>
              the import that loaded this file
            </Link>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
