import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Dialog, type JobReportView } from '@ulms/ui';
import { formatDateTime } from '../format/format-date.js';
import { isUnfinished, JobProgress, JobStatusBadge } from './job-status.js';
import { useJobProcedures } from './use-job-procedures.js';
import { useRefreshOnFinish } from './use-refresh-on-finish.js';

export interface JobDetailDialogProps {
  readonly jobId: string | null;
  /** Report views by job type, from the enabled modules. */
  readonly reports: Readonly<Record<string, JobReportView>>;
  readonly onClose: () => void;
}

/** One job: its status and progress (refreshed while it runs), its error, and its report. */
export function JobDetailDialog({ jobId, reports, onClose }: JobDetailDialogProps) {
  const { procedures } = useJobProcedures();
  const job = useQuery(
    procedures.get.queryOptions(
      { id: jobId ?? '00000000-0000-0000-0000-000000000000' },
      {
        enabled: jobId !== null,
        refetchInterval: (query) => (query.state.data && isUnfinished(query.state.data) ? 2000 : false),
      },
    ),
  );
  const data = job.data;
  useRefreshOnFinish(useMemo(() => (data ? [data] : undefined), [data]));
  const view = data ? reports[data.type] : undefined;
  return (
    <Dialog open={jobId !== null} title={data?.title ?? 'Job'} onClose={onClose} size="large">
      {job.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the job: {job.error.message}
        </p>
      ) : !data ? (
        <p aria-live="polite">Loading…</p>
      ) : (
        <div className="job-detail">
          <dl className="job-detail__facts">
            <div>
              <dt>Status</dt>
              <dd aria-live="polite">
                <JobStatusBadge status={data.status} />
              </dd>
            </div>
            <div>
              <dt>Progress</dt>
              <dd>
                <JobProgress job={data} />
              </dd>
            </div>
            <div>
              <dt>Started by</dt>
              <dd>
                {data.createdBy} on {formatDateTime(data.createdAt)}
              </dd>
            </div>
            <div>
              <dt>Finished</dt>
              <dd>{formatDateTime(data.finishedAt, isUnfinished(data) ? 'Not yet' : '—')}</dd>
            </div>
          </dl>
          {data.error ? (
            <p className="ui-form-error" role="alert">
              The job failed: {data.error}
            </p>
          ) : null}
          <h3 className="job-detail__heading">Report</h3>
          {data.report === null || data.report === undefined ? (
            <p className="muted">
              {isUnfinished(data) ? 'The report appears when the job has finished.' : 'This job left no report.'}
            </p>
          ) : (
            (view?.(data.report) ?? <pre className="job-detail__raw">{JSON.stringify(data.report, null, 2)}</pre>)
          )}
        </div>
      )}
    </Dialog>
  );
}
