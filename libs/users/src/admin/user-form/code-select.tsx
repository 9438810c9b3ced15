import { SelectField, TextField } from '@ulms/ui';
import type { CodeTable, RecordType } from '@ulms/users/contracts';
import type { ReactNode } from 'react';
import { useCodeTable } from '../shared/use-code-table.js';

export interface CodeSelectProps {
  readonly table: CodeTable;
  readonly recordType: RecordType | null;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | null;
  readonly hint?: ReactNode;
  readonly required?: boolean;
  readonly disabled?: boolean;
}

/** A select over a code table's entries for the record type; a text input while the table cannot be read. */
export function CodeSelect({
  table,
  recordType,
  label,
  value,
  onChange,
  error,
  hint,
  required,
  disabled,
}: CodeSelectProps) {
  const { options, loading } = useCodeTable(table, recordType, value);
  if (!options) {
    return (
      <TextField
        label={label}
        value={value}
        required={required}
        readOnly={disabled}
        error={error}
        hint={hint}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <SelectField
      label={label}
      options={options}
      placeholder={loading ? 'Loading…' : options.length === 0 ? 'None configured' : 'Choose…'}
      value={value}
      required={required}
      disabled={disabled || loading}
      error={error}
      hint={hint}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
