import { errorAt, TextField } from '@ulms/ui';
import type { FinesConfig } from '@ulms/fines/contracts';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import type { FinesConfigFormValues } from './fines-config.form-schema.js';

export interface CodeListFieldsetProps {
  readonly form: UseFormReturn<FinesConfigFormValues, unknown, FinesConfig>;
  readonly name: 'waiveReasons' | 'paymentMethods';
  readonly title: string;
  /** "reason", "method": names the buttons. */
  readonly noun: string;
  readonly readOnly: boolean;
}

/** A list of codes with descriptions (waive reasons, payment methods): one row each, added and removed here. */
export function CodeListFieldset({ form, name, title, noun, readOnly }: CodeListFieldsetProps) {
  const rows = useFieldArray({ control: form.control, name });
  const { errors } = form.formState;
  return (
    <fieldset className="fines-config__list">
      <legend>{title}</legend>
      {rows.fields.length === 0 ? <p className="muted">None yet.</p> : null}
      {rows.fields.map((field, index) => (
        <div key={field.id} className="fines-config__row" role="group" aria-label={`${title} ${index + 1}`}>
          <TextField
            label="Code"
            className="fines-config__code"
            required
            disabled={readOnly}
            error={errorAt(errors, `${name}.${index}.code`)}
            {...form.register(`${name}.${index}.code`)}
          />
          <TextField
            label="Description"
            className="fines-config__description"
            required
            disabled={readOnly}
            error={errorAt(errors, `${name}.${index}.description`)}
            {...form.register(`${name}.${index}.description`)}
          />
          {readOnly ? null : (
            <button
              type="button"
              className="ui-button ui-button--small"
              aria-label={`Remove ${noun} ${index + 1}`}
              onClick={() => rows.remove(index)}
            >
              Remove
            </button>
          )}
        </div>
      ))}
      {readOnly ? null : (
        <button
          type="button"
          className="ui-button ui-button--small"
          onClick={() => rows.append({ code: '', description: '' })}
        >
          Add {noun}
        </button>
      )}
    </fieldset>
  );
}
