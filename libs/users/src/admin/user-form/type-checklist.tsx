import type { SelectOption } from '@ulms/ui';
import { useId } from 'react';

export interface TypeChecklistProps {
  readonly legend: string;
  readonly options: readonly SelectOption[];
  readonly selected: readonly string[];
  readonly onChange: (selected: string[]) => void;
  readonly error?: string | null;
  readonly required?: boolean;
}

/** A group of checkboxes for the types of an email, address or phone (at least one is needed). */
export function TypeChecklist({ legend, options, selected, onChange, error, required }: TypeChecklistProps) {
  const errorId = useId();
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((code) => code !== value));
  return (
    <fieldset
      className={error ? 'users-checklist ui-field--invalid' : 'users-checklist'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="ui-field__label">
        {legend}
        {required ? (
          <span className="ui-field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </legend>
      <div className="users-checklist__options">
        {options.map((option) => (
          <label key={option.value}>
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(e) => toggle(option.value, e.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
