import { FormError } from '@ulms/ui';
import {
  mandatoryFieldNames,
  type RecordType,
  recordTypeCodes,
  recordTypes,
  type UsersConfig,
} from '@ulms/users/contracts';
import { type FormEvent, useState } from 'react';
import { errorAt, type UsersConfigSaver } from './use-save-users-config.js';
import { SettingsActions } from './settings-actions.js';

type MandatoryField = (typeof mandatoryFieldNames)[number];
type RegistrationForm = UsersConfig['registrationForm'];

const fieldLabels: Record<MandatoryField, string> = {
  primaryId: 'Primary identifier',
  firstName: 'First name',
  lastName: 'Last name',
  userGroup: 'User group',
  jobCategory: 'Job category',
  userTitle: 'Title',
  birthDate: 'Birth date',
  expiryDate: 'Expiry date',
  campusCode: 'Campus',
  preferredLanguage: 'Preferred language',
  email: 'Email address (at least one)',
  identifier: 'Identifier (at least one)',
  address: 'Address (at least one)',
  phone: 'Phone number (at least one)',
};

/** Which fields the Add user and General information forms require, ticked per record type. */
export function MandatoryFieldsForm({
  saver,
  config,
}: {
  readonly saver: UsersConfigSaver;
  readonly config: UsersConfig;
}) {
  const [form, setForm] = useState<RegistrationForm>(config.registrationForm);
  const readOnly = !saver.canManage;
  const toggle = (type: RecordType, field: MandatoryField, on: boolean) =>
    setForm((current) => ({
      ...current,
      [type]: on
        ? mandatoryFieldNames.filter((name) => name === field || current[type].includes(name))
        : current[type].filter((name) => name !== field),
    }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!readOnly) saver.save({ registrationForm: form });
  };
  return (
    <form className="panel users-settings" noValidate onSubmit={submit} aria-labelledby="users-mandatory-title">
      <h2 id="users-mandatory-title">Mandatory fields</h2>
      <p className="muted">
        Tick the fields staff must fill in when they add or edit a user of each record type.
        {config.userIdGeneration.enabled
          ? ' While user IDs are generated, the primary identifier may be left empty.'
          : ''}
      </p>
      <FormError message={saver.message} />
      <div className="users-settings__scroll">
        <table className="users-mandatory-grid">
          <thead>
            <tr>
              <th scope="col">Field</th>
              {recordTypeCodes.map((type) => (
                <th scope="col" key={type}>
                  {recordTypes[type]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {mandatoryFieldNames.map((field) => (
              <tr key={field}>
                <th scope="row">{fieldLabels[field]}</th>
                {recordTypeCodes.map((type) => (
                  <td key={type}>
                    <input
                      type="checkbox"
                      aria-label={`${fieldLabels[field]} mandatory for ${recordTypes[type]} users`}
                      checked={form[type].includes(field)}
                      disabled={readOnly}
                      onChange={(event) => toggle(type, field, event.target.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {recordTypeCodes.map((type) => {
        const error = errorAt(saver.fieldErrors, `registrationForm.${type}`);
        return error ? (
          <p key={type} className="ui-field__error" role="alert">
            {recordTypes[type]}: {error}
          </p>
        ) : null;
      })}
      <SettingsActions readOnly={readOnly} saving={saver.saving} label="Save mandatory fields" />
    </form>
  );
}
