import { useQuery } from '@tanstack/react-query';
import type { JobInfo } from '@ulms/platform/contracts';
import { Link, useNavigate } from '@tanstack/react-router';
import { type ColumnDef, DataTable, type JobAction, type JobReportView, PageHeader, useRouteSearch } from '@ulms/ui';
import { Fragment } from 'react';
import { z } from 'zod';
import { formatDateTime } from '../format/format-date.js';
import { JobDetailDialog } from './job-detail-dialog.js';
import { isUnfinished, JobProgress, JobStatusBadge } from './job-status.js';
import { useJobProcedures } from './use-job-procedures.js';
import { useRefreshOnFinish } from './use-refresh-on-finish.js';

export const jobsPath = '/jobs';

/** The Jobs page's search: the job whose report is open. */
export const jobsSearch = z.object({ job: z.string().optional().catch(undefined) });

const jobLink = (id: string) => ({ to: jobsPath, search: { job: id } });

const columns: ColumnDef<JobInfo>[] = [
  {
    id: 'title',
    header: 'Job',
    enableHiding: false,
    cell: ({ row }) => (
      <Link
        {...jobLink(row.original.id)}
        aria-label={`${row.original.title}, started ${formatDateTime(row.original.createdAt)}`}
      >
        {row.original.title}
      </Link>
    ),
  },
  { id: 'status', header: 'Status', cell: ({ row }) => <JobStatusBadge status={row.original.status} /> },
  { id: 'progress', header: 'Progress', cell: ({ row }) => <JobProgress job={row.original} /> },
  {
    id: 'created',
    header: 'Started',
    cell: ({ row }) => (
      <div className="cell-stack">
        <span>{formatDateTime(row.original.createdAt)}</span>
        <span className="muted">by {row.original.createdBy}</span>
      </div>
    ),
  },
  {
    id: 'finished',
    header: 'Finished',
    cell: ({ row }) => formatDateTime(row.original.finishedAt, isUnfinished(row.original) ? 'Not yet' : '—'),
  },
];

export interface JobsPageProps {
  /** Report views by job type, from the enabled modules. */
  readonly reports: Readonly<Record<string, JobReportView>>;
  /** Buttons the enabled modules add, such as "Purge users now", already filtered by permission. */
  readonly actions: readonly JobAction[];
}

/** Jobs: the institution's recent jobs with live progress while any runs, and each one's report. */
export function JobsPage({ reports, actions }: JobsPageProps) {
  const { everyJob, procedures } = useJobProcedures();
  const navigate = useNavigate();
  const { job: openId = null } = useRouteSearch(jobsSearch);
  const jobs = useQuery(
    procedures.list.queryOptions(
      { limit: 50 },
      { refetchInterval: (q) => (q.state.data?.some(isUnfinished) ? 2000 : false) },
    ),
  );
  useRefreshOnFinish(jobs.data);

  return (
    <>
      <PageHeader
        title="Jobs"
        description={
          everyJob
            ? 'Bulk edits, purges and other long tasks run in the background; their reports stay here.'
            : 'The bulk edits and other long tasks you started run in the background; their reports stay here.'
        }
        actions={
          actions.length > 0 ? (
            <>
              {actions.map((action, index) => (
                <Fragment key={index}>{action.render()}</Fragment>
              ))}
            </>
          ) : null
        }
      />
      {jobs.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the jobs: {jobs.error.message}
        </p>
      ) : (
        <DataTable
          caption="Jobs"
          rows={jobs.data ?? []}
          columns={columns}
          getRowId={(job) => job.id}
          loading={jobs.isPending}
          emptyMessage={everyJob ? 'No jobs have run yet.' : 'You have not started any jobs yet.'}
          rowActions={(job) => (
            <Link
              {...jobLink(job.id)}
              className="ui-button ui-button--small"
              aria-label={`Report of ${job.title}, started ${formatDateTime(job.createdAt)}`}
            >
              Report
            </Link>
          )}
        />
      )}
      <JobDetailDialog
        jobId={openId}
        reports={reports}
        onClose={() => void navigate({ to: jobsPath, replace: true })}
      />
    </>
  );
}
