import { SelectField, TextField } from '@ulms/ui';
import { genders, userStatuses } from '@ulms/users/contracts';
import type { ReactNode } from 'react';
import { optionsOf } from '../shared/options.js';
import { CodeSelect } from './code-select.js';
import { fieldLabels, type GeneralFieldName, type GeneralValues } from './user-form-values.js';

export interface GeneralFieldsProps {
  readonly values: GeneralValues;
  readonly onChange: (patch: Partial<GeneralValues>) => void;
  readonly errors: Readonly<Record<string, string>>;
  /** Fields the registration form requires for this record type. */
  readonly mandatory: ReadonlySet<string>;
  /** Fields shown but not editable (an external user's SIS-owned fields). */
  readonly isReadOnly?: (field: GeneralFieldName | 'status') => boolean;
  /** Extra text under a field, such as the "overridden" marker. */
  readonly noteFor?: (field: GeneralFieldName | 'status') => ReactNode;
  /** The hint under the primary identifier, e.g. that one is generated when left empty. */
  readonly primaryIdHint?: ReactNode;
  readonly showStatus?: boolean;
}

const genderOptions = optionsOf(genders);
const statusOptions = optionsOf(userStatuses);

/** General Information: names, identifier, codes, dates; what the record type allows. */
export function GeneralFields(props: GeneralFieldsProps) {
  const { values, onChange, errors, mandatory, isReadOnly = () => false, noteFor = () => null } = props;
  const isContact = values.recordType === 'CONTACT';
  const text = (name: GeneralFieldName, extra: { type?: string; hint?: ReactNode; className?: string } = {}) => (
    <TextField
      label={fieldLabels[name]}
      type={extra.type ?? 'text'}
      className={extra.className}
      value={values[name]}
      required={mandatory.has(name)}
      readOnly={isReadOnly(name)}
      error={errors[name] ?? null}
      hint={noteFor(name) ?? extra.hint}
      onChange={(e) => onChange({ [name]: e.target.value })}
    />
  );
  const code = (name: 'userTitle' | 'jobCategory' | 'userGroup' | 'campusCode', table: Parameters<typeof CodeSelect>[0]['table']) => (
    <CodeSelect
      table={table}
      recordType={values.recordType}
      label={fieldLabels[name] ?? name}
      value={values[name]}
      required={mandatory.has(name)}
      disabled={isReadOnly(name)}
      error={errors[name] ?? null}
      hint={noteFor(name)}
      onChange={(value) => onChange({ [name]: value })}
    />
  );

  return (
    <>
      <fieldset className="users-fieldset">
        <legend>User information</legend>
        <div className="users-grid">
          {text('primaryId', { hint: props.primaryIdHint })}
          {code('userTitle', 'USER_TITLE')}
          {text('firstName')}
          {text('middleName')}
          {text('lastName')}
          {text('prefFirstName')}
          {text('prefMiddleName')}
          {text('prefLastName')}
        </div>
      </fieldset>
      <fieldset className="users-fieldset">
        <legend>Role and affiliation</legend>
        <div className="users-grid">
          {code('jobCategory', 'JOB_CATEGORY')}
          {text('jobDescription')}
          {isContact ? null : code('userGroup', 'USER_GROUP')}
          {code('campusCode', 'CAMPUS')}
          <SelectField
            label={fieldLabels['gender']}
            options={genderOptions}
            placeholder="Not given"
            value={values.gender}
            disabled={isReadOnly('gender')}
            error={errors['gender'] ?? null}
            hint={noteFor('gender')}
            onChange={(e) => onChange({ gender: e.target.value })}
          />
          {text('preferredLanguage', { hint: 'A language code such as en or de' })}
          {text('webSiteUrl', { type: 'url' })}
          {props.showStatus ? (
            <SelectField
              label={fieldLabels['status']}
              options={statusOptions}
              value={values.status}
              disabled={isReadOnly('status')}
              error={errors['status'] ?? null}
              hint={noteFor('status')}
              onChange={(e) => onChange({ status: e.target.value as GeneralValues['status'] })}
            />
          ) : null}
        </div>
      </fieldset>
      <fieldset className="users-fieldset">
        <legend>Dates</legend>
        <div className="users-grid">
          {text('birthDate', { type: 'date' })}
          {text('expiryDate', { type: 'date' })}
          {text('purgeDate', { type: 'date' })}
        </div>
      </fieldset>
    </>
  );
}
