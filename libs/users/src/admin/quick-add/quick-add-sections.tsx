import type { RecordType } from '@ulms/users/contracts';
import type { RegistrationRules } from '../shared/use-users-config.js';
import { AddressFields, EmailFields, IdentifierFields, PhoneFields } from '../user-form/contact-fields.js';
import { CredentialFields } from '../user-form/credential-fields.js';
import { GeneralFields } from '../user-form/general-fields.js';

export interface QuickAddSectionsProps {
  readonly recordType: RecordType;
  readonly rules: RegistrationRules;
}

/** The panels of the Quick User Management form (inside its `FormProvider`) once the record type is known. */
export function QuickAddSections({ recordType, rules }: QuickAddSectionsProps) {
  const required = (name: string) => rules.mandatory.has(name);
  return (
    <>
      <section className="panel" aria-labelledby="add-user-general">
        <h2 id="add-user-general">General information</h2>
        <GeneralFields
          mandatory={rules.mandatory}
          primaryIdHint={rules.generatesPrimaryId ? 'Leave empty to have one generated.' : undefined}
        />
        <CredentialFields canGeneratePin={rules.canGeneratePin} />
      </section>
      <section className="panel" aria-labelledby="add-user-contact">
        <h2 id="add-user-contact">Contact information</h2>
        <fieldset className="users-fieldset">
          <legend>Email{required('email') ? ' (required)' : ''}</legend>
          <EmailFields prefix="emails.0." recordType={recordType} required={required('email')} />
        </fieldset>
        <fieldset className="users-fieldset">
          <legend>Address{required('address') ? ' (required)' : ''}</legend>
          <AddressFields prefix="addresses.0." recordType={recordType} required={required('address')} />
        </fieldset>
        <fieldset className="users-fieldset">
          <legend>Phone{required('phone') ? ' (required)' : ''}</legend>
          <PhoneFields prefix="phones.0." recordType={recordType} required={required('phone')} />
        </fieldset>
      </section>
      {recordType === 'CONTACT' ? null : (
        <section className="panel" aria-labelledby="add-user-identifier">
          <h2 id="add-user-identifier">Identifier{required('identifier') ? ' (required)' : ''}</h2>
          <IdentifierFields prefix="identifiers.0." recordType={recordType} required={required('identifier')} />
        </section>
      )}
    </>
  );
}
