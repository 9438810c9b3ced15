import { csvTargetError, csvTargetExamples } from '@ulms/sis/contracts';
import { errorAt, SelectField } from '@ulms/ui';
import { useId } from 'react';
import { useFieldArray, type UseFormReturn, useWatch } from 'react-hook-form';
import type { SisProfileFormValues } from './sis-profile.form-schema.js';

const delimiters = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Vertical bar (|)' },
];

interface CellInputProps {
  readonly label: string;
  readonly error: string | null;
  readonly list?: string;
  readonly registration: ReturnType<UseFormReturn<SisProfileFormValues>['register']>;
}

/** One cell's input, named for assistive technology, with its error below it. */
function CellInput({ label, error, list, registration }: CellInputProps) {
  const errorId = useId();
  return (
    <div className={error ? 'ui-field ui-field--invalid' : 'ui-field'}>
      <input
        className="ui-input"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        list={list}
        spellCheck={false}
        autoComplete="off"
        {...registration}
      />
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The CSV column mapping: each column header of the file and the user field it fills, in the file's order;
 * a target is checked as it is typed, with the kinds of targets offered as suggestions.
 */
export function CsvMappingEditor({
  form,
  disabled,
}: {
  readonly form: UseFormReturn<SisProfileFormValues>;
  readonly disabled: boolean;
}) {
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'csvMapping' });
  const rows = useWatch({ control: form.control, name: 'csvMapping' });
  const { errors } = form.formState;
  const listId = useId();
  const hintId = useId();
  return (
    <fieldset className="sis-fieldset">
      <legend>CSV column mapping</legend>
      <p className="ui-field__hint" id={hintId}>
        Each column of the file’s header row and the user field it fills: for example{' '}
        {csvTargetExamples.slice(0, 6).map((example, index) => (
          <span key={example}>
            {index > 0 ? ', ' : ''}
            <code>{example}</code>
          </span>
        ))}
        . Columns not listed are ignored.
      </p>
      <datalist id={listId}>
        {csvTargetExamples.map((example) => (
          <option key={example} value={example} />
        ))}
      </datalist>
      <div className="sis-mapping-wrap">
        <table className="ui-table sis-mapping" aria-describedby={hintId}>
          <caption className="ui-visually-hidden">CSV column mapping</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">CSV column</th>
              <th scope="col">User field</th>
              <th scope="col">
                <span className="ui-visually-hidden">Order and removal</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.length === 0 ? (
              <tr>
                <td colSpan={4} className="ui-table__empty">
                  No columns mapped yet: add one per column of the file.
                </td>
              </tr>
            ) : null}
            {fields.map((row, index) => {
              const typed = rows[index]?.field.trim() ?? '';
              const liveError = typed ? csvTargetError(typed) : null;
              const n = index + 1;
              return (
                <tr key={row.id}>
                  <td className="muted">{n}</td>
                  <td>
                    <CellInput
                      label={`CSV column ${n}`}
                      error={errorAt(errors, `csvMapping.${index}.column`)}
                      registration={form.register(`csvMapping.${index}.column`)}
                    />
                  </td>
                  <td>
                    <CellInput
                      label={`User field ${n}`}
                      list={listId}
                      error={liveError ?? errorAt(errors, `csvMapping.${index}.field`)}
                      registration={form.register(`csvMapping.${index}.field`)}
                    />
                  </td>
                  <td>
                    <div className="sis-mapping__actions">
                      <button
                        type="button"
                        className="ui-button ui-button--small"
                        aria-label={`Move row ${n} up`}
                        disabled={disabled || index === 0}
                        onClick={() => move(index, index - 1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="ui-button ui-button--small"
                        aria-label={`Move row ${n} down`}
                        disabled={disabled || index === fields.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="ui-button ui-button--small"
                        aria-label={`Remove row ${n}`}
                        disabled={disabled}
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
      <div className="sis-mapping__footer">
        <button
          type="button"
          className="ui-button ui-button--small"
          disabled={disabled}
          onClick={() => append({ column: '', field: '' }, { shouldFocus: true })}
        >
          Add column
        </button>
        <SelectField
          label="Delimiter"
          options={delimiters}
          error={errorAt(errors, 'csvDelimiter')}
          {...form.register('csvDelimiter')}
        />
      </div>
    </fieldset>
  );
}
