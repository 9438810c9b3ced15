import { SelectField, TextField, useDebouncedValue } from '@ulms/ui';
import type { UserListRow } from '@ulms/users/contracts';
import { useState } from 'react';
import { useUserSearch } from './use-user-search.js';

export interface PreviewRecipient {
  readonly id: string;
  readonly label: string;
}

export interface PreviewRecipientPickerProps {
  /** The user the preview is addressed to; null for the sample user. */
  readonly value: PreviewRecipient | null;
  readonly onChange: (recipient: PreviewRecipient | null) => void;
}

const SAMPLE = '';
const labelOf = (row: UserListRow) => `${row.fullName || row.primaryId} (${row.primaryId})`;

/** Who the preview is addressed to: the sample user, or a user found by name or identifier. */
export function PreviewRecipientPicker({ value, onChange }: PreviewRecipientPickerProps) {
  const [text, setText] = useState('');
  const search = useUserSearch(useDebouncedValue(text, 250));
  const found = search.rows.map((row) => ({ value: row.id, label: labelOf(row) }));
  // The user picked stays a choice when a new search no longer finds them.
  const options = [
    { value: SAMPLE, label: 'Sample user (Ada Lovelace)' },
    ...(value && !found.some((option) => option.value === value.id) ? [{ value: value.id, label: value.label }] : []),
    ...found,
  ];
  return (
    <div className="letters-recipient">
      <TextField
        label="Find a user"
        type="search"
        placeholder="Name or identifier"
        autoComplete="off"
        value={text}
        hint={search.loading ? 'Searching…' : text.trim().length >= 2 ? `${found.length} found` : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      <SelectField
        label="Preview for"
        options={options}
        value={value?.id ?? SAMPLE}
        onChange={(event) => {
          const picked = options.find((option) => option.value === event.target.value);
          onChange(picked && picked.value !== SAMPLE ? { id: picked.value, label: picked.label } : null);
        }}
      />
    </div>
  );
}
