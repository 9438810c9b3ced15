import { errorAt, SelectField, TextField } from '@ulms/ui';
import { genders, userStatuses } from '@ulms/users/contracts';
import type { ReactNode } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { optionsOf } from '../shared/options.js';
import { CodeSelect } from './code-select.js';
import { fieldLabels, type GeneralFieldName, type GeneralFormValues } from './user-form.schema.js';

export interface GeneralFieldsProps {
  /** Fields the registration form requires for this record type. */
  readonly mandatory: ReadonlySet<string>;
  /** Fields shown but not editable (an external user's SIS-owned fields). */
  readonly isReadOnly?: (field: GeneralFieldName | 'status') => boolean;
  /** Extra text under a field, such as the "overridden" marker or why it is read-only. */
  readonly noteFor?: (field: GeneralFieldName | 'status') => ReactNode;
  /** The hint under the primary identifier, e.g. that one is generated when left empty. */
  readonly primaryIdHint?: ReactNode;
  readonly showStatus?: boolean;
}

const genderOptions = optionsOf(genders);
const statusOptions = optionsOf(userStatuses);

/** General Information (inside a react-hook-form `FormProvider`): names, identifier, codes, dates. */
export function GeneralFields(props: GeneralFieldsProps) {
  const { mandatory, isReadOnly = () => false, noteFor = () => null } = props;
  const { register, control, watch, formState } = useFormContext<GeneralFormValues>();
  const recordType = watch('recordType');
  const errorOf = (name: string) => errorAt(formState.errors, name);
  const text = (name: GeneralFieldName, extra: { type?: string; hint?: ReactNode } = {}) => (
    <TextField
      label={fieldLabels[name]}
      type={extra.type ?? 'text'}
      required={mandatory.has(name)}
      readOnly={isReadOnly(name)}
      error={errorOf(name)}
      hint={noteFor(name) ?? extra.hint}
      {...register(name)}
    />
  );
  const code = (
    name: 'userTitle' | 'jobCategory' | 'userGroup' | 'campusCode' | 'preferredLanguage',
    table: Parameters<typeof CodeSelect>[0]['table'],
  ) => (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <CodeSelect
          table={table}
          recordType={recordType}
          label={fieldLabels[name] ?? name}
          value={field.value}
          required={mandatory.has(name)}
          disabled={isReadOnly(name)}
          error={fieldState.error?.message ?? null}
          hint={noteFor(name)}
          onChange={field.onChange}
        />
      )}
    />
  );
  const select = (name: 'gender' | 'status', options: typeof genderOptions, placeholder?: string) => (
    <SelectField
      label={fieldLabels[name]}
      options={options}
      placeholder={placeholder}
      disabled={isReadOnly(name)}
      error={errorOf(name)}
      hint={noteFor(name)}
      {...register(name)}
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
          {recordType === 'CONTACT' ? null : code('userGroup', 'USER_GROUP')}
          {code('campusCode', 'CAMPUS')}
          {select('gender', genderOptions, 'Not given')}
          {code('preferredLanguage', 'LANGUAGE')}
          {text('webSiteUrl', { type: 'url' })}
          {props.showStatus ? select('status', statusOptions) : null}
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
