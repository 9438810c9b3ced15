import type { ReactNode } from 'react';
import { fieldLabels } from '../user-form/user-form.schema.js';
import { bulkEditReportOf, purgeReportOf } from './users-job-reports.js';

interface SectionProps {
  readonly title: string;
  readonly empty: string;
  readonly count: number;
  readonly children: ReactNode;
}

/** A list under a heading with its count, or a line saying it is empty. */
function Section({ title, empty, children, count }: SectionProps) {
  return (
    <section className="users-job-report__section">
      <h3>
        {title} <span className="muted">({count.toLocaleString()})</span>
      </h3>
      {count === 0 ? <p className="muted">{empty}</p> : children}
    </section>
  );
}

/** The report of a users.purge job: deleted primary identifiers, and the users kept with their reasons. */
export function PurgeJobReport({ report }: { readonly report: unknown }) {
  const purge = purgeReportOf(report);
  if (!purge) return null;
  return (
    <div className="users-job-report">
      <Section title="Deleted" count={purge.deleted.length} empty="No user was deleted.">
        <ul className="users-job-report__ids">
          {purge.deleted.map((primaryId) => (
            <li key={primaryId}>
              <code>{primaryId}</code>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Skipped" count={purge.skipped.length} empty="No user was skipped.">
        <ul className="users-reasons">
          {purge.skipped.map((entry) => (
            <li key={entry.primaryId}>
              <code>{entry.primaryId}</code>: {entry.reasons.join('; ')}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

/** The report of a users.bulkEdit job: how many matched and changed, and each failure with its errors. */
export function BulkEditJobReport({ report }: { readonly report: unknown }) {
  const edit = bulkEditReportOf(report);
  if (!edit) return null;
  return (
    <div className="users-job-report">
      <dl className="users-job-report__totals">
        <div>
          <dt>Matched</dt>
          <dd>{edit.matched.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{edit.updated.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd>{edit.failed.length.toLocaleString()}</dd>
        </div>
      </dl>
      <Section title="Failed" count={edit.failed.length} empty="Every matched user was updated.">
        <ul className="users-reasons">
          {edit.failed.map((entry) => (
            <li key={entry.primaryId}>
              <code>{entry.primaryId}</code>:{' '}
              {entry.errors
                .map((error) =>
                  error.field ? `${fieldLabels[error.field] ?? error.field} ${error.message}` : error.message,
                )
                .join('; ')}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
