import type { JobInfo, JobStatus } from '@ulms/platform/contracts';

const statusLabels: Record<JobStatus, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
};
const statusClasses: Record<JobStatus, string> = {
  QUEUED: 'badge badge--off',
  RUNNING: 'badge job-badge--running',
  SUCCEEDED: 'badge badge--on',
  FAILED: 'badge job-badge--failed',
};

/** Whether a job may still change, so its page keeps asking. */
export function isUnfinished(job: Pick<JobInfo, 'status'>): boolean {
  return job.status === 'QUEUED' || job.status === 'RUNNING';
}

/** The job's status as a badge. */
export function JobStatusBadge({ status }: { readonly status: JobStatus }) {
  return <span className={statusClasses[status]}>{statusLabels[status]}</span>;
}

/** "120 of 500" over a bar; an indeterminate bar until the job knows its total. */
export function JobProgress({ job }: { readonly job: Pick<JobInfo, 'processed' | 'total' | 'status' | 'title'> }) {
  const total = job.total;
  const text =
    total === null
      ? isUnfinished(job)
        ? `${job.processed.toLocaleString()} so far`
        : `${job.processed.toLocaleString()}`
      : `${job.processed.toLocaleString()} of ${total.toLocaleString()}`;
  return (
    <div className="job-progress">
      <progress
        className="job-progress__bar"
        max={total ?? undefined}
        value={total === null ? (isUnfinished(job) ? undefined : 1) : job.processed}
        aria-label={`Progress of ${job.title}`}
        aria-valuetext={text}
      />
      <span className="job-progress__text">{text}</span>
    </div>
  );
}
