import { errorAt, TextField } from '@ulms/ui';
import type { FinesConfig } from '@ulms/fines/contracts';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import type { FinesConfigFormValues } from './fines-config.form-schema.js';

export interface DebtLimitsFieldsetProps {
  readonly form: UseFormReturn<FinesConfigFormValues, unknown, FinesConfig>;
  readonly readOnly: boolean;
}

/** The most a user of each user group may owe. */
export function DebtLimitsFieldset({ form, readOnly }: DebtLimitsFieldsetProps) {
  const rows = useFieldArray({ control: form.control, name: 'debtLimits' });
  const { errors } = form.formState;
  return (
    <fieldset className="fines-config__list">
      <legend>Debt limit per user group</legend>
      {rows.fields.length === 0 ? <p className="muted">No limits: users may owe any amount.</p> : null}
      {rows.fields.map((field, index) => (
        <div key={field.id} className="fines-config__row" role="group" aria-label={`Debt limit ${index + 1}`}>
          <TextField
            label="User group code"
            className="fines-config__code"
            required
            disabled={readOnly}
            error={errorAt(errors, `debtLimits.${index}.userGroup`)}
            {...form.register(`debtLimits.${index}.userGroup`)}
          />
          <TextField
            label="Limit"
            required
            inputMode="decimal"
            className="fines-config__narrow"
            disabled={readOnly}
            error={errorAt(errors, `debtLimits.${index}.limit`)}
            {...form.register(`debtLimits.${index}.limit`)}
          />
          {readOnly ? null : (
            <button
              type="button"
              className="ui-button ui-button--small"
              aria-label={`Remove debt limit ${index + 1}`}
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
          onClick={() => rows.append({ userGroup: '', limit: '' })}
        >
          Add limit
        </button>
      )}
    </fieldset>
  );
}
