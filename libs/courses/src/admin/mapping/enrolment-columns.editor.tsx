import { type EnrolmentField, enrolmentFieldNames, enrolmentFields } from '@ulms/courses/contracts';
import { errorAt } from '@ulms/ui';
import { type ReactNode, useId } from 'react';
import { useFieldArray, type UseFormReturn, useWatch } from 'react-hook-form';
import type { EnrolmentMappingFormValues } from './enrolment-mapping.form-schema.js';

const fieldOptions = enrolmentFieldNames.map((field) => ({ value: field, label: field }));

/** A cell's control, named for assistive technology, with the field's description and its error below it. */
function Cell({
  error,
  hint,
  children,
}: {
  readonly error: string | null;
  readonly hint?: string;
  readonly children: (wiring: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const errorId = useId();
  const hintId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'ui-field ui-field--invalid' : 'ui-field'}>
      {children({ 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
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
  );
}

/** The column mapping: each column of the file's header row and the enrolment field it fills, in the file's order. */
export function EnrolmentColumnsEditor({
  form,
  disabled,
}: {
  readonly form: UseFormReturn<EnrolmentMappingFormValues>;
  readonly disabled: boolean;
}) {
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'columns' });
  const rows = useWatch({ control: form.control, name: 'columns' });
  const { errors } = form.formState;
  const hintId = useId();
  const tableError = errorAt(errors, 'columns.root');
  return (
    <fieldset className="courses-fieldset" disabled={disabled}>
      <legend>Columns</legend>
      <p className="ui-field__hint" id={hintId}>
        Each column of the file’s header row and the enrolment field it fills; columns not listed are ignored. A file
        needs a column for <code>course_code</code> and one for <code>user_primary_id</code>.
      </p>
      {tableError ? (
        <p className="ui-field__error" role="alert">
          {tableError}
        </p>
      ) : null}
      <div className="courses-mapping-wrap">
        <table className="ui-table courses-mapping" aria-describedby={hintId}>
          <caption className="ui-visually-hidden">Column mapping</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">CSV column</th>
              <th scope="col">Enrolment field</th>
              <th scope="col">
                <span className="ui-visually-hidden">Order and removal</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.length === 0 ? (
              <tr>
                <td colSpan={4} className="ui-table__empty">
                  No columns mapped: add one per column of the file.
                </td>
              </tr>
            ) : null}
            {fields.map((row, index) => {
              const chosen = rows[index]?.field;
              const n = index + 1;
              return (
                <tr key={row.id}>
                  <td className="muted">{n}</td>
                  <td>
                    <Cell error={errorAt(errors, `columns.${index}.column`)}>
                      {(wiring) => (
                        <input
                          className="ui-input"
                          aria-label={`CSV column ${n}`}
                          spellCheck={false}
                          autoComplete="off"
                          {...wiring}
                          {...form.register(`columns.${index}.column`)}
                        />
                      )}
                    </Cell>
                  </td>
                  <td>
                    <Cell
                      error={errorAt(errors, `columns.${index}.field`)}
                      hint={chosen ? enrolmentFields[chosen as EnrolmentField] : undefined}
                    >
                      {(wiring) => (
                        <select
                          className="ui-input ui-select"
                          aria-label={`Enrolment field ${n}`}
                          {...wiring}
                          {...form.register(`columns.${index}.field`)}
                        >
                          <option value="">Choose a field</option>
                          {fieldOptions.map((option) => (
                            <option key={option.value} value={option.value}>
                              {option.label}
                            </option>
                          ))}
                        </select>
                      )}
                    </Cell>
                  </td>
                  <td>
                    <div className="courses-mapping__actions">
                      <button
                        type="button"
                        className="ui-button ui-button--small"
                        aria-label={`Move row ${n} up`}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="ui-button ui-button--small"
                        aria-label={`Move row ${n} down`}
                        disabled={index === fields.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="ui-button ui-button--small"
                        aria-label={`Remove row ${n}`}
                        onClick={() => remove(index)}
                      >
                        Remove
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="ui-button ui-button--small"
        onClick={() => append({ column: '', field: '' }, { shouldFocus: true })}
      >
        Add column
      </button>
    </fieldset>
  );
}
