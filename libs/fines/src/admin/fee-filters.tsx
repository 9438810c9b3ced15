import type { FeeStatus } from '@ulms/fines/contracts';
import { SelectField, type SelectOption } from '@ulms/ui';

export interface FeeFilterValues {
  readonly status?: FeeStatus;
  readonly type?: string;
}

export const statusLabels: Record<FeeStatus, string> = {
  ACTIVE: 'Active',
  IN_DISPUTE: 'In dispute',
  EXPORTED: 'Transferred',
  CLOSED: 'Closed',
};
const statusOptions = Object.entries(statusLabels).map(([value, label]) => ({ value, label }));

export interface FeeFiltersProps {
  readonly value: FeeFilterValues;
  readonly types: readonly SelectOption[];
  readonly onChange: (next: FeeFilterValues) => void;
}

/** The list's filters: status and fine/fee type ("All" for either). */
export function FeeFilters({ value, types, onChange }: FeeFiltersProps) {
  return (
    <div className="fines-filters">
      <SelectField
        label="Status"
        placeholder="All"
        options={statusOptions}
        value={value.status ?? ''}
        onChange={(e) => onChange({ ...value, status: (e.target.value || undefined) as FeeStatus | undefined })}
      />
      <SelectField
        label="Fine/fee type"
        placeholder="All"
        options={types}
        value={value.type ?? ''}
        onChange={(e) => onChange({ ...value, type: e.target.value || undefined })}
      />
    </div>
  );
}
