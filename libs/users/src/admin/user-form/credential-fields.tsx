import { CheckboxField, PasswordField, TextField } from '@ulms/ui';
import type { CredentialValues } from './user-form-values.js';
import { fieldLabels } from './user-form-values.js';

export interface CredentialFieldsProps {
  readonly values: CredentialValues;
  readonly onChange: (patch: Partial<CredentialValues>) => void;
  readonly errors: Readonly<Record<string, string>>;
  /** The institution's pin_number_method allows generating a four-digit PIN. */
  readonly canGeneratePin: boolean;
  /** Editing a saved user: empty fields keep the current PIN and password. */
  readonly existing?: { readonly hasPin: boolean; readonly hasPassword: boolean };
  readonly readOnlyPin?: boolean;
}

/** PIN (typed, or generated and shown once after saving) and password with its confirmation. */
export function CredentialFields({ values, onChange, errors, canGeneratePin, existing, readOnlyPin }: CredentialFieldsProps) {
  const keepHint = (has: boolean, what: string) => (existing ? (has ? `Leave empty to keep the current ${what}.` : `No ${what} set.`) : undefined);
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
            value={values.pinNumber}
            disabled={values.generatePin || readOnlyPin}
            error={errors['pinNumber'] ?? null}
            hint={keepHint(existing?.hasPin ?? false, 'PIN') ?? 'Four digits, for self-check machines.'}
            onChange={(e) => onChange({ pinNumber: e.target.value })}
          />
          {canGeneratePin && !readOnlyPin ? (
            <CheckboxField
              label="Generate a PIN"
              hint="Shown once after saving."
              checked={values.generatePin}
              onChange={(e) => onChange({ generatePin: e.target.checked, pinNumber: '' })}
            />
          ) : null}
        </div>
        <PasswordField
          label={fieldLabels['password']}
          autoComplete="new-password"
          value={values.password}
          error={errors['password'] ?? null}
          hint={keepHint(existing?.hasPassword ?? false, 'password')}
          onChange={(e) => onChange({ password: e.target.value })}
        />
        <PasswordField
          label={fieldLabels['passwordVerify']}
          autoComplete="new-password"
          value={values.passwordVerify}
          error={errors['passwordVerify'] ?? null}
          onChange={(e) => onChange({ passwordVerify: e.target.value })}
        />
        <CheckboxField
          label="Force password change on next sign-in"
          checked={values.forcePasswordChange}
          onChange={(e) => onChange({ forcePasswordChange: e.target.checked })}
        />
      </div>
    </fieldset>
  );
}
