import { type RecordType, recordTypeCodes, recordTypes } from '@ulms/users/contracts';

export interface RecordTypePickerProps {
  readonly value: RecordType | null;
  readonly onChange: (value: RecordType) => void;
  readonly error?: string | null;
}

/** The record type, chosen first because it decides which fields and codes the form offers. */
export function RecordTypePicker({ value, onChange, error }: RecordTypePickerProps) {
  return (
    <fieldset className={error ? 'users-record-type ui-field--invalid' : 'users-record-type'}>
      <legend className="ui-field__label">
        Record type
        <span className="ui-field__required" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      <div className="users-record-type__options">
        {recordTypeCodes.map((code) => (
          <label key={code} className={value === code ? 'users-chip users-chip--on' : 'users-chip'}>
            <input type="radio" name="recordType" checked={value === code} onChange={() => onChange(code)} />
            {recordTypes[code]}
          </label>
        ))}
      </div>
      {error ? <p className="ui-field__error">{error}</p> : null}
    </fieldset>
  );
}
