import { type CourseStatus, courseStatuses } from '@ulms/courses/contracts';
import { SelectField } from '@ulms/ui';
import { courseStatusLabels } from '../courses-format.js';
import type { EnrolmentFilters as Filters } from './use-enrolment-pages.js';

const statusOptions = courseStatuses.map((status) => ({ value: status, label: courseStatusLabels[status] }));

export interface EnrolmentFiltersProps {
  readonly value: Filters;
  /** The terms of the user's courses. */
  readonly terms: readonly string[];
  readonly onChange: (next: Filters) => void;
}

/** The Courses tab's filters: the term and the course status ("All" for either). */
export function EnrolmentFilters({ value, terms, onChange }: EnrolmentFiltersProps) {
  return (
    <div className="courses-filters">
      <SelectField
        label="Term"
        placeholder="All terms"
        options={terms.map((term) => ({ value: term, label: term }))}
        value={value.term ?? ''}
        onChange={(e) => onChange({ ...value, term: e.target.value || undefined })}
      />
      <SelectField
        label="Status"
        placeholder="All"
        options={statusOptions}
        value={value.status ?? ''}
        onChange={(e) => onChange({ ...value, status: (e.target.value || undefined) as CourseStatus | undefined })}
      />
    </div>
  );
}
