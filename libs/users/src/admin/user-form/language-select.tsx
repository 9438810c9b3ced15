import { TextField } from '@ulms/ui';
import { type CodeTable, codeTables } from '@ulms/users/contracts';
import type { ReactNode } from 'react';
import { CodeSelect } from './code-select.js';

export interface LanguageSelectProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | null;
  readonly hint?: ReactNode;
  readonly required?: boolean;
  readonly disabled?: boolean;
}

const languageTable = ('LANGUAGE' in codeTables ? 'LANGUAGE' : null) as CodeTable | null;

/** The preferred language, chosen from the institution's list of languages. */
export function LanguageSelect({ label, value, onChange, error, hint, required, disabled }: LanguageSelectProps) {
  if (!languageTable) {
    return (
      <TextField
        label={label}
        value={value}
        required={required}
        readOnly={disabled}
        error={error}
        hint={hint ?? 'A language code such as en or de'}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <CodeSelect
      table={languageTable}
      recordType={null}
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      hint={hint}
      required={required}
      disabled={disabled}
    />
  );
}
