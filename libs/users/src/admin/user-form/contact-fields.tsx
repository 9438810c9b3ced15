import { CheckboxField, TextField } from '@ulms/ui';
import { addressTypes, emailTypes, phoneTypes, type RecordType } from '@ulms/users/contracts';
import { contactTypeOptions } from '../shared/options.js';
import { CodeSelect } from './code-select.js';
import type { AddressValues, EmailValues, IdentifierValues, PhoneValues } from './contact-values.js';
import { TypeChecklist } from './type-checklist.js';

interface FieldsProps<V> {
  readonly values: V;
  readonly onChange: (patch: Partial<V>) => void;
  /** Server errors of this entry, by the last part of their path (`emailAddress`, `emailTypes`, …). */
  readonly errors: Readonly<Record<string, string>>;
  readonly recordType: RecordType;
  readonly required?: boolean;
}

/** Address, types, preferred flag and description of one email. */
export function EmailFields({ values, onChange, errors, recordType, required }: FieldsProps<EmailValues>) {
  return (
    <div className="users-grid">
      <TextField
        label="Email address"
        type="email"
        autoComplete="off"
        required={required}
        value={values.emailAddress}
        error={errors['emailAddress'] ?? null}
        onChange={(e) => onChange({ emailAddress: e.target.value })}
      />
      <TextField
        label="Description"
        value={values.description}
        error={errors['description'] ?? null}
        onChange={(e) => onChange({ description: e.target.value })}
      />
      <TypeChecklist
        legend="Email types"
        required
        options={contactTypeOptions(emailTypes, recordType)}
        selected={values.emailTypes}
        error={errors['emailTypes'] ?? null}
        onChange={(emailTypes) => onChange({ emailTypes })}
      />
      <CheckboxField label="Preferred email" checked={values.preferred} onChange={(e) => onChange({ preferred: e.target.checked })} />
    </div>
  );
}

/** The lines, place, dates, types and preferred flag of one address. */
export function AddressFields({ values, onChange, errors, recordType, required }: FieldsProps<AddressValues>) {
  const text = (name: keyof AddressValues & string, label: string, type = 'text') => (
    <TextField
      label={label}
      type={type}
      required={required && name === 'line1'}
      value={values[name] as string}
      error={errors[name] ?? null}
      onChange={(e) => onChange({ [name]: e.target.value } as Partial<AddressValues>)}
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
      <TypeChecklist
        legend="Address types"
        required
        options={contactTypeOptions(addressTypes, recordType)}
        selected={values.addressTypes}
        error={errors['addressTypes'] ?? null}
        onChange={(addressTypes) => onChange({ addressTypes })}
      />
      <CheckboxField label="Preferred address" checked={values.preferred} onChange={(e) => onChange({ preferred: e.target.checked })} />
    </div>
  );
}

/** Number, types, preferred and SMS flags of one phone. */
export function PhoneFields({ values, onChange, errors, recordType, required }: FieldsProps<PhoneValues>) {
  return (
    <div className="users-grid">
      <TextField
        label="Phone number"
        type="tel"
        required={required}
        value={values.phoneNumber}
        error={errors['phoneNumber'] ?? null}
        onChange={(e) => onChange({ phoneNumber: e.target.value })}
      />
      <TypeChecklist
        legend="Phone types"
        required
        options={contactTypeOptions(phoneTypes, recordType)}
        selected={values.phoneTypes}
        error={errors['phoneTypes'] ?? null}
        onChange={(phoneTypes) => onChange({ phoneTypes })}
      />
      <CheckboxField label="Preferred phone" checked={values.preferred} onChange={(e) => onChange({ preferred: e.target.checked })} />
      <CheckboxField
        label="Preferred for SMS"
        checked={values.preferredSms}
        onChange={(e) => onChange({ preferredSms: e.target.checked })}
      />
    </div>
  );
}

/** Type, value and note of one identifier. */
export function IdentifierFields({ values, onChange, errors, recordType, required }: FieldsProps<IdentifierValues>) {
  return (
    <div className="users-grid">
      <CodeSelect
        table="IDENTIFIER_TYPE"
        recordType={recordType}
        label="Identifier type"
        required={required}
        value={values.idType}
        error={errors['idType'] ?? null}
        onChange={(idType) => onChange({ idType })}
      />
      <TextField
        label="Identifier value"
        required={required}
        value={values.value}
        error={errors['value'] ?? null}
        onChange={(e) => onChange({ value: e.target.value })}
      />
      <TextField label="Identifier note" value={values.note} error={errors['note'] ?? null} onChange={(e) => onChange({ note: e.target.value })} />
    </div>
  );
}
