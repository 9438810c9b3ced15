import type { Dispatch, SetStateAction } from 'react';
import type { RegistrationRules } from '../shared/use-users-config.js';
import { AddressFields, EmailFields, IdentifierFields, PhoneFields } from '../user-form/contact-fields.js';
import { CredentialFields } from '../user-form/credential-fields.js';
import { errorsUnder } from '../user-form/errors-under.js';
import { GeneralFields } from '../user-form/general-fields.js';
import type { QuickAddValues } from './quick-add-values.js';

export interface QuickAddSectionsProps {
  readonly values: QuickAddValues;
  readonly onChange: Dispatch<SetStateAction<QuickAddValues>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly rules: RegistrationRules;
}

/** The panels of the Quick User Management form once the record type is known. */
export function QuickAddSections({ values, onChange, errors, rules }: QuickAddSectionsProps) {
  const recordType = values.general.recordType;
  const patch =
    <K extends keyof QuickAddValues>(key: K) =>
    (change: Partial<QuickAddValues[K]>) =>
      onChange((current) => ({ ...current, [key]: { ...current[key], ...change } }));
  const required = (name: string) => rules.mandatory.has(name);
  return (
    <>
      <section className="panel" aria-labelledby="add-user-general">
        <h2 id="add-user-general">General information</h2>
        <GeneralFields
          values={values.general}
          onChange={patch('general')}
          errors={errors}
          mandatory={rules.mandatory}
          primaryIdHint={rules.generatesPrimaryId ? 'Leave empty to have one generated.' : undefined}
        />
        <CredentialFields
          values={values.credentials}
          onChange={patch('credentials')}
          errors={errors}
          canGeneratePin={rules.canGeneratePin}
        />
      </section>
      <section className="panel" aria-labelledby="add-user-contact">
        <h2 id="add-user-contact">Contact information</h2>
        <fieldset className="users-fieldset">
          <legend>Email{required('email') ? ' (required)' : ''}</legend>
          <EmailFields
            values={values.email}
            onChange={patch('email')}
            errors={errorsUnder(errors, 'emails.0.')}
            recordType={recordType}
            required={required('email')}
          />
        </fieldset>
        <fieldset className="users-fieldset">
          <legend>Address{required('address') ? ' (required)' : ''}</legend>
          <AddressFields
            values={values.address}
            onChange={patch('address')}
            errors={errorsUnder(errors, 'addresses.0.')}
            recordType={recordType}
            required={required('address')}
          />
        </fieldset>
        <fieldset className="users-fieldset">
          <legend>Phone{required('phone') ? ' (required)' : ''}</legend>
          <PhoneFields
            values={values.phone}
            onChange={patch('phone')}
            errors={errorsUnder(errors, 'phones.0.')}
            recordType={recordType}
            required={required('phone')}
          />
        </fieldset>
      </section>
      {recordType === 'CONTACT' ? null : (
        <section className="panel" aria-labelledby="add-user-identifier">
          <h2 id="add-user-identifier">Identifier{required('identifier') ? ' (required)' : ''}</h2>
          <IdentifierFields
            values={values.identifier}
            onChange={patch('identifier')}
            errors={errorsUnder(errors, 'identifiers.0.')}
            recordType={recordType}
            required={required('identifier')}
          />
        </section>
      )}
    </>
  );
}
