import { coursesPermissions as can, type EnrolmentDto } from '@ulms/courses/contracts';
import { DataTable, useAdminCan } from '@ulms/ui';
import { useState } from 'react';
import '../courses-admin.css';
import { codeOf, plural } from '../courses-format.js';
import { enrolmentColumns } from './enrolment-columns.js';
import { EnrolmentFilters } from './enrolment-filters.js';
import { RemoveAllEnrolmentsDialog } from './remove-all-enrolments.dialog.js';
import { RemoveEnrolmentDialog } from './remove-enrolment.dialog.js';
import { type EnrolmentFilters as Filters, useEnrolmentPages } from './use-enrolment-pages.js';

type Open = { readonly kind: 'remove'; readonly enrolment: EnrolmentDto } | { readonly kind: 'removeAll' };

interface Notice {
  readonly warning: boolean;
  readonly text: string;
}

const ruleNotice = (ruleError: string | null): Notice | null =>
  ruleError
    ? { warning: true, text: `The removal is saved, but an enrolment rule failed after it: ${ruleError}` }
    : null;

/**
 * The Courses tab of User Details: the courses the user is enrolled in, by term and status, and for holders of the
 * removal permission, Remove on each and Remove all.
 */
export function CoursesTab({ userId }: { readonly userId: string }) {
  // Another user starts afresh: no filters, notice or rows of the one before.
  return <UserCourses key={userId} userId={userId} />;
}

function UserCourses({ userId }: { readonly userId: string }) {
  const canRemove = useAdminCan(can.enrolmentRemove);
  const [filters, setFilters] = useState<Filters>({});
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const list = useEnrolmentPages(userId, filters);
  const filtered = Boolean(filters.term ?? filters.status);
  const close = () => setOpen(null);
  const removed = (ruleError: string | null) => {
    setNotice(ruleNotice(ruleError));
    close();
  };

  return (
    <section className="courses-tab" aria-labelledby="courses-tab-title">
      <div className="courses-tab__header">
        <h2 id="courses-tab-title">Courses</h2>
        {canRemove && list.total > 0 ? (
          <button
            type="button"
            className="ui-button ui-button--small ui-button--danger"
            onClick={() => setOpen({ kind: 'removeAll' })}
          >
            Remove all
          </button>
        ) : null}
      </div>
      <p className="muted courses-tab__intro">
        The courses this user is enrolled in
        {list.data ? ` (${plural(list.total, 'enrolment')} in all)` : ''}, by course code.
      </p>
      {notice ? (
        <p className={notice.warning ? 'notice notice--warning' : 'notice'} role="status">
          {notice.text}
        </p>
      ) : null}
      <EnrolmentFilters value={filters} terms={list.terms} onChange={setFilters} />
      {list.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the courses: {list.error.message}
        </p>
      ) : (
        <div className="courses-list--actions">
          <DataTable
            caption="Courses"
            rows={list.enrolments}
            columns={enrolmentColumns}
            getRowId={(enrolment) => enrolment.id}
            loading={list.isFetching && !list.isFetchingNextPage}
            emptyMessage={filtered ? 'No courses match these filters.' : 'This user is not enrolled in any course.'}
            rowActions={
              canRemove
                ? (enrolment) => (
                    <button
                      type="button"
                      className="ui-button ui-button--small"
                      aria-label={`Remove ${codeOf(enrolment.course)}`}
                      onClick={() => setOpen({ kind: 'remove', enrolment })}
                    >
                      Remove
                    </button>
                  )
                : undefined
            }
          />
        </div>
      )}
      {list.hasNextPage ? (
        <div className="courses-more">
          <span className="muted">{plural(list.enrolments.length, 'course')} shown; there are more</span>
          <button
            type="button"
            className="ui-button ui-button--small"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
      {open?.kind === 'remove' ? (
        <RemoveEnrolmentDialog enrolment={open.enrolment} onClose={close} onRemoved={removed} />
      ) : null}
      {open?.kind === 'removeAll' ? (
        <RemoveAllEnrolmentsDialog
          userId={userId}
          total={list.total}
          onClose={close}
          onRemoved={removed}
          onConflict={() => {
            setNotice({
              warning: true,
              text: 'Nothing was removed: the user’s courses changed since the list was read. The list is read again; check it and remove all again.',
            });
            close();
          }}
        />
      ) : null}
    </section>
  );
}
