import { useState } from 'react';
import { FieldFrame } from './field-frame.js';
import type { TextFieldProps } from './text-field.js';

/** A password input with a show/hide toggle that keeps the field's label and error wiring. */
export function PasswordField({ label, hint, error, className, ...input }: Omit<TextFieldProps, 'type'>) {
  const [visible, setVisible] = useState(false);
  return (
    <FieldFrame label={label} hint={hint} error={error} required={input.required} className={className}>
      {(wiring) => (
        <div className="ui-password">
          <input className="ui-input" type={visible ? 'text' : 'password'} {...input} {...wiring} />
          <button
            type="button"
            className="ui-password__toggle"
            aria-controls={wiring.id}
            aria-pressed={visible}
            onClick={() => setVisible((v) => !v)}
          >
            {visible ? 'Hide' : 'Show'}
          </button>
        </div>
      )}
    </FieldFrame>
  );
}
