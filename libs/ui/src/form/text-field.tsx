import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldFrame } from './field-frame.js';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | null;
}

/** A labelled text input with its hint and inline error. */
export function TextField({ label, hint, error, className, type = 'text', ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={input.required} className={className}>
      {(wiring) => <input className="ui-input" type={type} {...input} {...wiring} />}
    </FieldFrame>
  );
}
