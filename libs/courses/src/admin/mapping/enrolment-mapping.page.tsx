import { useQuery } from '@tanstack/react-query';
import { coursesPermissions } from '@ulms/courses/contracts';
import { Link, PageHeader, useAdminCan } from '@ulms/ui';
import '../courses-admin.css';
import { useCoursesTrpc } from '../courses-admin-context.js';
import { EnrolmentMappingForm } from './enrolment-mapping.form.js';

/** The CSV mapping enrolment imports read their files by; saved by holders of the mapping permission. */
export function EnrolmentMappingPage() {
  const trpc = useCoursesTrpc();
  const canManage = useAdminCan(coursesPermissions.mappingManage);
  const mapping = useQuery(trpc.courses.mapping.get.queryOptions());
  return (
    <>
      <PageHeader
        title="Enrolment file mapping"
        description={
          <>
            How the CSV files of <Link to="/courses/imports">course enrolment imports</Link> are read: the delimiter,
            and the enrolment field each column fills.
            {canManage ? '' : ' You may read it; changing it needs the mapping permission.'}
          </>
        }
      />
      {mapping.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the mapping: {mapping.error.message}
        </p>
      ) : mapping.data ? (
        <EnrolmentMappingForm mapping={mapping.data} />
      ) : (
        <p aria-live="polite">Loading the mapping…</p>
      )}
    </>
  );
}
