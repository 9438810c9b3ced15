import { useEffect, useRef } from 'react';

export interface FormErrorProps {
  /** The sentence for the whole form; nothing is rendered when it is null. */
  readonly message?: string | null;
  /** Field messages to list too, for long forms where some fields are out of view. */
  readonly fieldErrors?: Readonly<Record<string, string>>;
  readonly fieldLabels?: Readonly<Record<string, string>>;
}

/** The summary at the top of a form; it takes focus when it appears so screen readers announce it. */
export function FormError({ message, fieldErrors = {}, fieldLabels = {} }: FormErrorProps) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fieldErrors);
  const visible = Boolean(message) || entries.length > 0;
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, message]);
  if (!visible) return null;
  return (
    <div className="ui-form-error" role="alert" tabIndex={-1} ref={ref}>
      {message ? <p>{message}</p> : null}
      {entries.length > 0 ? (
        <ul>
          {entries.map(([field, text]) => (
            <li key={field}>
              {fieldLabels[field] ?? field}: {text}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
