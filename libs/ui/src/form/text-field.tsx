import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldFrame } from './field-frame.js';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | null;
  /** The input itself, e.g. react-hook-form's `register(name).ref`. */
  readonly ref?: Ref<HTMLInputElement>;
}

/** A labelled text input with its hint and inline error. */
export function TextField({ label, hint, error, className, type = 'text', ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={input.required} className={className}>
      {(wiring) => <input className="ui-input" type={type} {...input} {...wiring} />}
    </FieldFrame>
  );
}
