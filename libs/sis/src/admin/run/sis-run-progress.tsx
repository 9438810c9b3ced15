import type { SisRunDto } from '@ulms/sis/contracts';
import { statusLabels } from '../sis-format.js';

/** A run loading its file: how far it got, with a bar once the file's record count is known. */
export function SisRunProgress({ run }: { readonly run: SisRunDto }) {
  const { processed } = run.counts;
  const text =
    run.status === 'QUEUED'
      ? 'Waiting for its turn…'
      : run.total
        ? `${processed.toLocaleString()} of ${run.total.toLocaleString()} records processed`
        : `${processed.toLocaleString()} records processed`;
  return (
    <div className="sis-live" role="status" aria-live="polite">
      <strong>{statusLabels[run.status]}</strong>
      {run.total ? (
        <progress className="sis-progress" aria-label="Run progress" max={run.total} value={processed} />
      ) : null}
      <span className="muted">{text}</span>
    </div>
  );
}
