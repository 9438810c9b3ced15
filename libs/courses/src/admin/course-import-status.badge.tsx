import type { CourseImportStatus } from '@ulms/courses/contracts';
import { importStatusLabels } from './courses-format.js';

/** An import's status as a coloured badge. */
export function CourseImportStatusBadge({ status }: { readonly status: CourseImportStatus }) {
  return (
    <span className={`badge courses-status courses-status--${status.toLowerCase()}`}>{importStatusLabels[status]}</span>
  );
}
