import { sisPermissions } from '@ulms/sis/contracts';
import { Link, PageHeader, useAdminCan, useNavigate, useParams } from '@ulms/ui';
import { useState } from 'react';
import '../sis-admin.css';
import { isActive } from '../sis-format.js';
import { rejectsUrl } from '../sis-files.js';
import { ApplyDryRunDialog } from './apply-dry-run.dialog.js';
import { SisRunCountsList } from './sis-run-counts.js';
import { SisRunEntries } from './sis-run-entries.js';
import { SisRunFacts } from './sis-run-facts.js';
import { SisRunProgress } from './sis-run-progress.js';
import { useSisRun } from './use-sis-run.js';

/** One run: live progress while it loads, its counts, its records with their differences, and for a dry run, Apply. */
export function SisRunPage() {
  const { runId } = useParams({ strict: false }) as { runId: string };
  const run = useSisRun(runId);
  const canStart = useAdminCan(sisPermissions.runStart);
  const navigate = useNavigate();
  const [applying, setApplying] = useState(false);
  const data = run.data;
  const title = data ? `${data.dryRun ? 'Dry run' : 'Run'} of ${data.fileName}` : 'SIS run';
  const applicable = data && data.dryRun && data.status === 'SUCCEEDED' && !data.appliedRunId && canStart;
  return (
    <>
      <p className="sis-breadcrumb">
        <Link to="/sis/runs">← SIS runs</Link>
      </p>
      <PageHeader
        title={title}
        actions={
          applicable ? (
            <button type="button" className="ui-button ui-button--primary" onClick={() => setApplying(true)}>
              Apply
            </button>
          ) : null
        }
      />
      {run.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the run: {run.error.message}
        </p>
      ) : !data ? (
        <p aria-live="polite">Loading the run…</p>
      ) : (
        <div className="sis-stack">
          {data.dryRun && data.status === 'SUCCEEDED' && !data.appliedRunId ? (
            <p className="notice">
              A dry run changed nobody: it shows what loading this file would do.
              {canStart ? ' Apply loads it.' : ''}
            </p>
          ) : null}
          <div className="panel sis-run">
            <SisRunFacts run={data} />
            {isActive(data.status) ? <SisRunProgress run={data} /> : null}
            {data.error ? (
              <p className="ui-form-error" role="alert">
                The run failed: {data.error}
              </p>
            ) : null}
            <SisRunCountsList counts={data.counts} label="Counts" />
            {data.counts.rejected > 0 ? (
              <p>
                <a className="ui-button ui-button--small" href={rejectsUrl(data.id)} download>
                  Download rejects (CSV)
                </a>
              </p>
            ) : null}
          </div>
          {isActive(data.status) ? null : <SisRunEntries run={data} />}
        </div>
      )}
      {applying && data ? (
        <ApplyDryRunDialog
          run={data}
          onClose={() => setApplying(false)}
          onApplied={(applied) => {
            setApplying(false);
            void navigate({ to: '/sis/runs/$runId', params: { runId: applied.id } });
          }}
        />
      ) : null}
    </>
  );
}
