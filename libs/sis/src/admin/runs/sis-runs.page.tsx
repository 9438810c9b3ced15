import { sisPermissions } from '@ulms/sis/contracts';
import { DataTable, PageHeader, type SortingState, useAdminCan, useNavigate } from '@ulms/ui';
import { useMemo, useState } from 'react';
import '../sis-admin.css';
import { sisRunsColumns } from './sis-runs-columns.js';
import { defaultSorting, sortedRuns } from './sis-runs-rows.js';
import { UploadFileDialog } from './upload-file.dialog.js';
import { useSisRunsPages } from './use-sis-runs-pages.js';

/** Every SIS run of the institution, newest first, with their counts; a new one starts from a file uploaded. */
export function SisRunsPage() {
  const canStart = useAdminCan(sisPermissions.runStart);
  const navigate = useNavigate();
  const [sorting, setSorting] = useState<SortingState>(defaultSorting);
  const [uploading, setUploading] = useState(false);
  const runs = useSisRunsPages();
  const rows = useMemo(() => sortedRuns(runs.runs, sorting), [runs.runs, sorting]);
  return (
    <>
      <PageHeader
        title="SIS runs"
        description="Files loaded from the Student Information System, newest first: what each did or, for a dry run, would do."
        actions={
          canStart ? (
            <button type="button" className="ui-button ui-button--primary" onClick={() => setUploading(true)}>
              Upload file
            </button>
          ) : null
        }
      />
      <div className="sis-stack sis-runs">
        {runs.isError ? (
          <p className="ui-form-error" role="alert">
            Could not load the runs: {runs.error.message}
          </p>
        ) : (
          <DataTable
            caption="SIS runs"
            rows={rows}
            columns={sisRunsColumns}
            getRowId={(run) => run.id}
            loading={runs.isPending}
            emptyMessage={canStart ? 'No runs yet: upload a file to start one.' : 'No runs yet.'}
            sorting={{ value: sorting, onChange: setSorting }}
            initiallyHidden={['finishedAt']}
            compact
          />
        )}
        <div className="sis-more">
          <span className="muted" role="status">
            {runs.runs.length} run{runs.runs.length === 1 ? '' : 's'} shown{runs.hasNextPage ? '; there are more' : ''}
          </span>
          {runs.hasNextPage ? (
            <button
              type="button"
              className="ui-button ui-button--small"
              disabled={runs.isFetchingNextPage}
              onClick={() => void runs.fetchNextPage()}
            >
              {runs.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </div>
      </div>
      {uploading ? (
        <UploadFileDialog
          onClose={() => setUploading(false)}
          onStarted={(run) => void navigate({ to: '/sis/runs/$runId', params: { runId: run.id } })}
        />
      ) : null}
    </>
  );
}
