import { useQuery } from '@tanstack/react-query';
import { SelectField, TextField } from '@ulms/ui';
import type { CodeTable } from '@ulms/users/contracts';
import type { ReactNode } from 'react';
import { useCodeTablesQuery } from '../sis-admin-context.js';

export interface CodeTableSelectProps {
  readonly table: CodeTable;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string | null;
  readonly value: string;
  readonly onChange: (code: string) => void;
  /** The text of the empty choice. */
  readonly emptyLabel?: string;
}

/**
 * A code of one of the users' code tables, chosen by its description; a staff member who may not read the code
 * tables types the code.
 */
export function CodeTableSelect({ table, value, onChange, emptyLabel = 'None', ...field }: CodeTableSelectProps) {
  const entries = useQuery({ ...useCodeTablesQuery(), retry: false });
  if (entries.isError) return <TextField {...field} value={value} onChange={(e) => onChange(e.target.value)} />;
  const options = (entries.data ?? [])
    .filter((entry) => entry.table === table && (entry.active || entry.code === value))
    .map((entry) => ({ value: entry.code, label: `${entry.description} (${entry.code})` }));
  if (value && !options.some((option) => option.value === value)) options.push({ value, label: value });
  return (
    <SelectField
      {...field}
      value={value}
      placeholder={entries.data ? emptyLabel : 'Loading…'}
      options={options}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
