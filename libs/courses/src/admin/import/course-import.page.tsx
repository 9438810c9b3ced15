import { coursesPermissions } from '@ulms/courses/contracts';
import { Link, PageHeader, useAdminCan, useNavigate, useParams } from '@ulms/ui';
import { useState } from 'react';
import '../courses-admin.css';
import { rejectsUrl } from '../course-import-files.js';
import { isActive } from '../courses-format.js';
import { ApplyDryRunDialog } from './apply-dry-run.dialog.js';
import { CourseImportCountsList } from './course-import-counts.js';
import { CourseImportEntries } from './course-import-entries.js';
import { CourseImportFacts } from './course-import-facts.js';
import { CourseImportProgress } from './course-import-progress.js';
import { useCourseImport } from './use-course-import.js';

/** One import: live progress while it reads its file, its counts, its rows, and for a finished dry run, Apply. */
export function CourseImportPage() {
  const { importId } = useParams({ strict: false }) as { importId: string };
  const current = useCourseImport(importId);
  const canStart = useAdminCan(coursesPermissions.importStart);
  const navigate = useNavigate();
  const [applying, setApplying] = useState(false);
  const item = current.data;
  const title = item ? `${item.dryRun ? 'Dry run' : 'Import'} of ${item.fileName}` : 'Enrolment import';
  const pending = item && item.dryRun && item.status === 'SUCCEEDED' && !item.appliedImportId;
  return (
    <>
      <p className="courses-breadcrumb">
        <Link to="/courses/imports">← Course enrolment imports</Link>
      </p>
      <PageHeader
        title={title}
        actions={
          pending && canStart ? (
            <button type="button" className="ui-button ui-button--primary" onClick={() => setApplying(true)}>
              Apply
            </button>
          ) : null
        }
      />
      {current.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the import: {current.error.message}
        </p>
      ) : !item ? (
        <p aria-live="polite">Loading the import…</p>
      ) : (
        <div className="courses-stack">
          {pending ? (
            <p className="notice">
              A dry run changed no enrolment: it shows what importing this file would do.
              {canStart ? ' Apply imports it.' : ''}
            </p>
          ) : null}
          <div className="panel courses-import">
            <CourseImportFacts item={item} />
            {isActive(item.status) ? <CourseImportProgress item={item} /> : null}
            {item.error ? (
              <p className="ui-form-error" role="alert">
                The import failed: {item.error}
              </p>
            ) : null}
            <CourseImportCountsList counts={item.counts} label="Counts" />
            {item.ruleError ? (
              <p className="notice notice--warning">
                {item.counts.ruleFailures === 1 ? 'An enrolment rule' : 'Enrolment rules'} failed after their enrolments
                were saved (the enrolments stay). The last failure: {item.ruleError}
              </p>
            ) : null}
            {item.counts.rejected > 0 ? (
              <p>
                <a className="ui-button ui-button--small" href={rejectsUrl(item.id)} download>
                  Download rejects (CSV)
                </a>
              </p>
            ) : null}
          </div>
          {isActive(item.status) ? null : <CourseImportEntries item={item} />}
        </div>
      )}
      {applying && item ? (
        <ApplyDryRunDialog
          item={item}
          onClose={() => setApplying(false)}
          onApplied={(applied) => {
            setApplying(false);
            void navigate({ to: '/courses/imports/$importId', params: { importId: applied.id } });
          }}
        />
      ) : null}
    </>
  );
}
