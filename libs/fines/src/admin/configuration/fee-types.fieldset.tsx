import { CheckboxField, errorAt, TextField } from '@ulms/ui';
import type { FinesConfig } from '@ulms/fines/contracts';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import type { FinesConfigFormValues } from './fines-config.form-schema.js';

export interface FeeTypesFieldsetProps {
  readonly form: UseFormReturn<FinesConfigFormValues, unknown, FinesConfig>;
  readonly readOnly: boolean;
}

/** The fine/fee types: code, description, whether staff add them by hand, a library as owner, and VAT. */
export function FeeTypesFieldset({ form, readOnly }: FeeTypesFieldsetProps) {
  const rows = useFieldArray({ control: form.control, name: 'feeTypes' });
  const { errors } = form.formState;
  return (
    <fieldset className="fines-config__list">
      <legend>Fine/fee types</legend>
      {rows.fields.map((field, index) => (
        <div key={field.id} className="fines-config__row" role="group" aria-label={`Fine/fee type ${index + 1}`}>
          <TextField
            label="Code"
            className="fines-config__code"
            required
            disabled={readOnly}
            error={errorAt(errors, `feeTypes.${index}.code`)}
            {...form.register(`feeTypes.${index}.code`)}
          />
          <TextField
            label="Description"
            className="fines-config__description"
            required
            disabled={readOnly}
            error={errorAt(errors, `feeTypes.${index}.description`)}
            {...form.register(`feeTypes.${index}.description`)}
          />
          <TextField
            label="VAT %"
            placeholder="None"
            inputMode="decimal"
            className="fines-config__narrow"
            disabled={readOnly}
            error={errorAt(errors, `feeTypes.${index}.vatRate`)}
            {...form.register(`feeTypes.${index}.vatRate`)}
          />
          <div className="fines-config__checks">
            <CheckboxField
              label="Manual creation"
              disabled={readOnly}
              {...form.register(`feeTypes.${index}.manualCreation`)}
            />
            <CheckboxField
              label="Library owner"
              disabled={readOnly}
              {...form.register(`feeTypes.${index}.libraryOwner`)}
            />
          </div>
          {readOnly ? null : (
            <button
              type="button"
              className="ui-button ui-button--small"
              aria-label={`Remove fine/fee type ${index + 1}`}
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
          onClick={() =>
            rows.append({ code: '', description: '', manualCreation: true, libraryOwner: true, vatRate: '' })
          }
        >
          Add type
        </button>
      )}
    </fieldset>
  );
}
