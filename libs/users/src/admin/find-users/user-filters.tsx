import { builtInRoles } from '@ulms/platform/contracts';
import { SelectField } from '@ulms/ui';
import { accountTypes } from '@ulms/users/contracts';
import { optionsOf } from '../shared/options.js';
import type { AccountFilter, SearchState, StatusFilter } from './search-state.js';

const accountOptions = [{ value: 'ALL', label: 'All accounts' }, ...optionsOf(accountTypes)];
const roleOptions = optionsOf(builtInRoles);
const statusOptions = [
  { value: 'ALL', label: 'All' },
  { value: 'ACTIVE_NOT_EXPIRED', label: 'Active and not expired' },
  { value: 'INACTIVE_OR_EXPIRED', label: 'Not active or expired' },
];

export interface UserFiltersProps {
  readonly state: SearchState;
  readonly onChange: (patch: Partial<Pick<SearchState, 'account' | 'role' | 'status'>>) => void;
}

/** The Account, Role and Status filters; each applies at once. */
export function UserFilters({ state, onChange }: UserFiltersProps) {
  return (
    <div className="users-filters" role="group" aria-label="Filters">
      <SelectField
        label="Account"
        options={accountOptions}
        value={state.account}
        onChange={(e) => onChange({ account: e.target.value as AccountFilter })}
      />
      <SelectField
        label="Role"
        options={roleOptions}
        placeholder="Any role"
        value={state.role}
        onChange={(e) => onChange({ role: e.target.value })}
      />
      <SelectField
        label="Status"
        options={statusOptions}
        value={state.status}
        onChange={(e) => onChange({ status: e.target.value as StatusFilter })}
      />
    </div>
  );
}
