import type { CourseImportDto } from '@ulms/courses/contracts';
import { importStatusLabels } from '../courses-format.js';

/** An import reading its file: how far it got, with a bar once the file's row count is known. */
export function CourseImportProgress({ item }: { readonly item: CourseImportDto }) {
  const { processed } = item.counts;
  const text =
    item.status === 'QUEUED'
      ? 'Waiting for its turn…'
      : item.total
        ? `${processed.toLocaleString()} of ${item.total.toLocaleString()} rows processed`
        : `${processed.toLocaleString()} rows processed`;
  return (
    <div className="courses-live" role="status" aria-live="polite">
      <strong>{importStatusLabels[item.status]}</strong>
      {item.total ? (
        <progress className="courses-progress" aria-label="Import progress" max={item.total} value={processed} />
      ) : null}
      <span className="muted">{text}</span>
    </div>
  );
}
