import { formatDateTime } from './format.js';

/** "by alice" over the date, for the Created column of notes, statistics and attachments. */
export function CreatedCell({ by, at }: { readonly by: string; readonly at: Date }) {
  return (
    <div className="cell-stack">
      <span>{by}</span>
      <span className="muted">{formatDateTime(at)}</span>
    </div>
  );
}

/** The Source column: internal data, or external data the SIS replaces. */
export function SegmentBadge({ segmentType }: { readonly segmentType: string }) {
  return segmentType === 'EXTERNAL' ? (
    <span className="badge users-badge--external" title="From the SIS; replaced by the next synchronisation">
      External
    </span>
  ) : (
    <span className="badge badge--off">Internal</span>
  );
}
