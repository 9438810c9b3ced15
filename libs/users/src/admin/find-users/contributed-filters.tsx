import { type ContributedFilter, filterErrorKey } from './contributed-filter-fields.js';
import { SearchFilterField } from './search-filter-field.js';
import { type SearchState, withFilter } from './search-state.js';

export interface ContributedFiltersProps {
  readonly fields: readonly ContributedFilter[];
  readonly filters: SearchState['filters'];
  /** The search's field errors (`filters.<id>`: a refused filter value). */
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (filters: SearchState['filters']) => void;
}

/** The text filters other modules add (the courses module's "Enrolled in course"); nothing when there are none. */
export function ContributedFilters({ fields, filters, errors, onChange }: ContributedFiltersProps) {
  if (fields.length === 0) return null;
  return (
    <div className="users-find__filters" role="group" aria-label="More filters">
      {fields.map((field) => (
        <SearchFilterField
          key={field.id}
          label={field.label}
          placeholder={field.placeholder}
          value={filters[field.id] ?? ''}
          error={errors[filterErrorKey(field.id)]}
          onChange={(value) => onChange(withFilter(filters, field.id, value))}
        />
      ))}
    </div>
  );
}
