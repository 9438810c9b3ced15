import type { CourseImportCounts } from '@ulms/courses/contracts';
import '../courses-admin.css';
import { CourseImportCountsList } from '../import/course-import-counts.js';

const countKeys = ['processed', 'added', 'kept', 'rejected', 'removed', 'coursesCreated', 'ruleFailures'] as const;

/** The report of a courses.import job (its counts), or null when it is not one. */
function countsOf(report: unknown): CourseImportCounts | null {
  if (typeof report !== 'object' || report === null) return null;
  const values = report as Record<string, unknown>;
  return countKeys.every((key) => typeof values[key] === 'number') ? (values as unknown as CourseImportCounts) : null;
}

/** An enrolment import's report on the Jobs page: what it added, kept, rejected and removed. */
export function CourseImportReport({ report }: { readonly report: unknown }) {
  const counts = countsOf(report);
  return counts ? <CourseImportCountsList counts={counts} label="Enrolment import counts" /> : null;
}
