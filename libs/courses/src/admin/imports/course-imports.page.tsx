import { coursesPermissions } from '@ulms/courses/contracts';
import { DataTable, Link, PageHeader, useAdminCan, useNavigate } from '@ulms/ui';
import { useState } from 'react';
import '../courses-admin.css';
import { plural } from '../courses-format.js';
import { mappingPath } from '../mapping/enrolment-mapping.path.js';
import { courseImportsColumns } from './course-imports-columns.js';
import { UploadEnrolmentsDialog } from './upload-enrolments.dialog.js';
import { useCourseImportsPages } from './use-course-imports-pages.js';

/** Every enrolment import of the institution, newest first, with their counts; a new one starts from a file. */
export function CourseImportsPage() {
  const canStart = useAdminCan(coursesPermissions.importStart);
  const navigate = useNavigate();
  const [uploading, setUploading] = useState(false);
  const imports = useCourseImportsPages();
  return (
    <>
      <PageHeader
        title="Course enrolment imports"
        description={
          <>
            Files of users’ course enrolments, newest first: what each did or, for a dry run, would do. CSV files are
            read by the <Link to={mappingPath}>enrolment file mapping</Link>.
          </>
        }
        actions={
          canStart ? (
            <button type="button" className="ui-button ui-button--primary" onClick={() => setUploading(true)}>
              Upload file
            </button>
          ) : null
        }
      />
      <div className="courses-stack courses-imports">
        {imports.isError ? (
          <p className="ui-form-error" role="alert">
            Could not load the imports: {imports.error.message}
          </p>
        ) : (
          <DataTable
            caption="Course enrolment imports"
            rows={imports.imports}
            columns={courseImportsColumns}
            getRowId={(item) => item.id}
            loading={imports.isPending}
            emptyMessage={canStart ? 'No imports yet: upload a file to start one.' : 'No imports yet.'}
            initiallyHidden={['finishedAt']}
            compact
          />
        )}
        <div className="courses-more">
          <span className="muted" role="status">
            {plural(imports.imports.length, 'import')} shown{imports.hasNextPage ? '; there are more' : ''}
          </span>
          {imports.hasNextPage ? (
            <button
              type="button"
              className="ui-button ui-button--small"
              disabled={imports.isFetchingNextPage}
              onClick={() => void imports.fetchNextPage()}
            >
              {imports.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </div>
      </div>
      {uploading ? (
        <UploadEnrolmentsDialog
          onClose={() => setUploading(false)}
          onStarted={(started) => void navigate({ to: '/courses/imports/$importId', params: { importId: started.id } })}
        />
      ) : null}
    </>
  );
}
