import { type OutboxStatus, outboxStatuses } from '@ulms/letters/contracts';
import { SelectField, type SelectOption } from '@ulms/ui';
import { statusLabels } from '../letter-format.js';

export interface OutboxFilterValues {
  readonly status?: OutboxStatus;
  readonly letterTypeId?: string;
}

const statusOptions = outboxStatuses.map((status) => ({ value: status, label: statusLabels[status] }));

export interface OutboxFiltersProps {
  readonly value: OutboxFilterValues;
  readonly letterTypes: readonly SelectOption[];
  readonly onChange: (next: OutboxFilterValues) => void;
}

/** The outbox's filters: status and letter type ("All" for either). */
export function OutboxFilters({ value, letterTypes, onChange }: OutboxFiltersProps) {
  return (
    <div className="letters-filters">
      <SelectField
        label="Status"
        placeholder="All"
        options={statusOptions}
        value={value.status ?? ''}
        onChange={(e) => onChange({ ...value, status: (e.target.value || undefined) as OutboxStatus | undefined })}
      />
      <SelectField
        label="Letter type"
        placeholder="All"
        options={letterTypes}
        value={value.letterTypeId ?? ''}
        onChange={(e) => onChange({ ...value, letterTypeId: e.target.value || undefined })}
      />
    </div>
  );
}
