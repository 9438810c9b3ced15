import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame.js';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | null;
  readonly ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line text input with its hint and inline error. */
export function TextAreaField({ label, hint, error, className, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={textarea.required} className={className}>
      {(wiring) => <textarea className="ui-input ui-textarea" rows={rows} {...textarea} {...wiring} />}
    </FieldFrame>
  );
}
