import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from 'react';

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | null;
  readonly ref?: Ref<HTMLInputElement>;
}

/** A checkbox with its label beside it, and an optional hint and inline error below. */
export function CheckboxField({ label, hint, error, className, ...input }: CheckboxFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ui-checkbox', error ? 'ui-field--invalid' : '', className ?? ''].join(' ').trim()}>
      <input
        type="checkbox"
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <p className="ui-field__hint" id={hintId}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="ui-field__error" id={errorId}>
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
