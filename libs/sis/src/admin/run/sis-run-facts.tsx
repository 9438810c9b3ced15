import type { SisRunDto } from '@ulms/sis/contracts';
import { Link } from '@ulms/ui';
import { formatDateTime, formatSize } from '../sis-format.js';
import { SisRunStatusBadge } from '../sis-run-status.badge.js';

/** What a run is: its profile, file, kind, status, who started it and when. */
export function SisRunFacts({ run }: { readonly run: SisRunDto }) {
  return (
    <dl className="sis-facts">
      <dt>Profile</dt>
      <dd>
        <code>{run.profileCode}</code>
      </dd>
      <dt>File</dt>
      <dd>
        {run.fileName} <span className="muted">({formatSize(run.fileSize)})</span>
      </dd>
      <dt>Kind</dt>
      <dd>
        {run.dryRun ? 'Dry run: nothing changed' : 'Load'}
        {run.fullLoad ? ', full load' : ''}
      </dd>
      <dt>Status</dt>
      <dd>
        <SisRunStatusBadge status={run.status} />
      </dd>
      <dt>Started</dt>
      <dd>
        {formatDateTime(run.createdAt)} by {run.startedBy}
      </dd>
      <dt>Finished</dt>
      <dd>{formatDateTime(run.finishedAt, 'Not yet')}</dd>
      {run.appliedRunId ? (
        <>
          <dt>Applied by</dt>
          <dd>
            <Link to="/sis/runs/$runId" params={{ runId: run.appliedRunId }}>
              the run that loaded this file
            </Link>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
