import { CheckboxField, errorAt, PasswordField, SelectField, TextField } from '@ulms/ui';
import { useFormContext } from 'react-hook-form';
import { fieldLabels, type GeneralFormValues } from './user-form.schema.js';

export interface CredentialFieldsProps {
  /** The institution's pin_number_method allows generating a four-digit PIN. */
  readonly canGeneratePin: boolean;
  /** Editing a saved user: empty fields keep the current PIN and password. */
  readonly existing?: { readonly hasPin: boolean; readonly hasPassword: boolean };
  readonly readOnlyPin?: boolean;
}

const signInChoices = [
  { value: 'INTERNAL', label: 'A password kept here' },
  { value: 'INTERNAL_WITH_EXTERNAL_AUTH', label: "The institution's sign-in (external authentication)" },
];

/** How an internal user signs in; PIN (typed, or generated and shown once after saving) and password with its confirmation. */
export function CredentialFields({ canGeneratePin, existing, readOnlyPin }: CredentialFieldsProps) {
  const { register, watch, setValue, formState } = useFormContext<GeneralFormValues>();
  const errorOf = (name: string) => errorAt(formState.errors, name);
  const generatePin = watch('generatePin');
  const accountType = watch('accountType');
  const keepHint = (has: boolean, what: string) =>
    existing ? (has ? `Leave empty to keep the current ${what}.` : `No ${what} set.`) : undefined;
  const generate = register('generatePin');
  return (
    <fieldset className="users-fieldset">
      <legend>PIN and password</legend>
      <div className="users-grid">
        <div className="users-stack">
          <TextField
            label={fieldLabels['pinNumber']}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            readOnly={generatePin || readOnlyPin}
            error={errorOf('pinNumber')}
            hint={keepHint(existing?.hasPin ?? false, 'PIN') ?? 'Four digits, for self-check machines.'}
            {...register('pinNumber')}
          />
          {canGeneratePin && !readOnlyPin ? (
            <CheckboxField
              label="Generate a PIN"
              hint="Shown once after saving."
              {...generate}
              onChange={(event) => {
                setValue('pinNumber', '');
                return generate.onChange(event);
              }}
            />
          ) : null}
        </div>
        {accountType === 'EXTERNAL' ? null : (
          <SelectField
            label="Signs in with"
            hint="The institution's sign-in is its OpenID Connect provider or LDAP directory."
            options={signInChoices}
            error={errorOf('accountType')}
            {...register('accountType')}
          />
        )}
        {accountType !== 'INTERNAL' ? (
          <p className="muted">Signs in through the institution (external authentication): no password is kept here.</p>
        ) : (
          <>
            <PasswordField
              label={fieldLabels['password']}
              autoComplete="new-password"
              error={errorOf('password')}
              hint={keepHint(existing?.hasPassword ?? false, 'password')}
              {...register('password')}
            />
            <PasswordField
              label={fieldLabels['passwordVerify']}
              autoComplete="new-password"
              error={errorOf('passwordVerify')}
              {...register('passwordVerify')}
            />
            <CheckboxField label="Force password change on next sign-in" {...register('forcePasswordChange')} />
          </>
        )}
      </div>
    </fieldset>
  );
}
