import { CheckboxField, errorAt, TextField } from '@ulms/ui';
import { addressTypes, emailTypes, phoneTypes, type RecordType } from '@ulms/users/contracts';
import { Controller, useFormContext } from 'react-hook-form';
import { contactTypeOptions } from '../shared/options.js';
import { CodeSelect } from './code-select.js';
import { TypeChecklist } from './type-checklist.js';

export interface ContactFieldsProps {
  readonly recordType: RecordType;
  readonly required?: boolean;
  /** Where the entry sits in the form: '' in an entry's own dialog, `emails.0.` on Add user. */
  readonly prefix?: string;
}

/** The inputs of one entry of a react-hook-form form, by their path under `prefix`. */
function useEntryFields(prefix: string) {
  const { register, control, formState } = useFormContext();
  const name = (field: string) => `${prefix}${field}`;
  return {
    control,
    name,
    register: (field: string) => register(name(field)),
    errorOf: (field: string) => errorAt(formState.errors, name(field)),
  };
}

function TypesField({
  prefix,
  field,
  legend,
  options,
}: {
  prefix: string;
  field: string;
  legend: string;
  options: ReturnType<typeof contactTypeOptions>;
}) {
  const { control, name } = useEntryFields(prefix);
  return (
    <Controller
      name={name(field)}
      control={control}
      render={({ field: types, fieldState }) => (
        <TypeChecklist
          legend={legend}
          required
          options={options}
          selected={types.value as string[]}
          error={fieldState.error?.message ?? null}
          onChange={types.onChange}
        />
      )}
    />
  );
}

/** Address, types, preferred flag and description of one email. */
export function EmailFields({ recordType, required, prefix = '' }: ContactFieldsProps) {
  const { register, errorOf } = useEntryFields(prefix);
  return (
    <div className="users-grid">
      <TextField
        label="Email address"
        type="email"
        autoComplete="off"
        required={required}
        error={errorOf('emailAddress')}
        {...register('emailAddress')}
      />
      <TextField label="Description" error={errorOf('description')} {...register('description')} />
      <TypesField
        prefix={prefix}
        field="emailTypes"
        legend="Email types"
        options={contactTypeOptions(emailTypes, recordType)}
      />
      <CheckboxField label="Preferred email" {...register('preferred')} />
    </div>
  );
}

/** The lines, place, dates, types and preferred flag of one address. */
export function AddressFields({ recordType, required, prefix = '' }: ContactFieldsProps) {
  const { register, errorOf } = useEntryFields(prefix);
  const text = (name: string, label: string, type = 'text') => (
    <TextField
      label={label}
      type={type}
      required={required && name === 'line1'}
      error={errorOf(name)}
      {...register(name)}
    />
  );
  return (
    <div className="users-grid">
      {text('line1', 'Address line 1')}
      {text('line2', 'Address line 2')}
      {text('line3', 'Address line 3')}
      {text('city', 'City')}
      {text('stateProvince', 'State or province')}
      {text('postalCode', 'Postal code')}
      {text('country', 'Country')}
      {text('addressNote', 'Note')}
      {text('startDate', 'Start date', 'date')}
      {text('endDate', 'End date', 'date')}
      <TypesField
        prefix={prefix}
        field="addressTypes"
        legend="Address types"
        options={contactTypeOptions(addressTypes, recordType)}
      />
      <CheckboxField label="Preferred address" {...register('preferred')} />
    </div>
  );
}

/** Number, types, preferred and SMS flags of one phone. */
export function PhoneFields({ recordType, required, prefix = '' }: ContactFieldsProps) {
  const { register, errorOf } = useEntryFields(prefix);
  return (
    <div className="users-grid">
      <TextField
        label="Phone number"
        type="tel"
        required={required}
        error={errorOf('phoneNumber')}
        {...register('phoneNumber')}
      />
      <TypesField
        prefix={prefix}
        field="phoneTypes"
        legend="Phone types"
        options={contactTypeOptions(phoneTypes, recordType)}
      />
      <CheckboxField label="Preferred phone" {...register('preferred')} />
      <CheckboxField label="Preferred for SMS" {...register('preferredSms')} />
    </div>
  );
}

/** Type, value and note of one identifier. */
export function IdentifierFields({ recordType, required, prefix = '' }: ContactFieldsProps) {
  const { control, name, register, errorOf } = useEntryFields(prefix);
  return (
    <div className="users-grid">
      <Controller
        name={name('idType')}
        control={control}
        render={({ field, fieldState }) => (
          <CodeSelect
            table="IDENTIFIER_TYPE"
            recordType={recordType}
            label="Identifier type"
            required={required}
            value={field.value as string}
            error={fieldState.error?.message ?? null}
            onChange={field.onChange}
          />
        )}
      />
      <TextField label="Identifier value" required={required} error={errorOf('value')} {...register('value')} />
      <TextField label="Identifier note" error={errorOf('note')} {...register('note')} />
    </div>
  );
}
