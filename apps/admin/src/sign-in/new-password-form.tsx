import { useMutation } from '@tanstack/react-query';
import { fieldErrorsOf, FormError, formMessageOf, PasswordField } from '@ulms/ui';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../trpc/trpc.js';

const fields = ['currentPassword', 'newPassword'];

export interface NewPasswordFormProps {
  /** Known when coming straight from sign-in; otherwise the form asks for it. */
  readonly currentPassword?: string;
  readonly submitLabel: string;
  readonly onChanged: () => void;
}

/** Current password (unless known), new password and its confirmation; policy errors appear beside the fields. */
export function NewPasswordForm({ currentPassword: knownPassword, submitLabel, onChanged }: NewPasswordFormProps) {
  const trpc = useTRPC();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrentPassword('');
        setNewPassword('');
        setConfirmation('');
        onChanged();
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const current = knownPassword ?? currentPassword;
    if (!current) errors['currentPassword'] = 'Enter your current password';
    if (!newPassword) errors['newPassword'] = 'Enter a new password';
    else if (newPassword === current) errors['newPassword'] = 'Choose a password different from the current one';
    if (newPassword && confirmation !== newPassword) errors['confirmation'] = 'The two passwords do not match';
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) change.mutate({ currentPassword: current, newPassword });
  };

  const serverErrors = fieldErrorsOf(change.error);
  const errorOf = (field: string) => localErrors[field] ?? serverErrors[field] ?? null;
  return (
    <form className="ui-form" noValidate onSubmit={submit} aria-label="Change password">
      <FormError message={formMessageOf(change.error, knownPassword ? ['newPassword'] : fields)} />
      {knownPassword === undefined ? (
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          value={currentPassword}
          error={errorOf('currentPassword')}
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
      ) : null}
      <PasswordField
        label="New password"
        autoComplete="new-password"
        value={newPassword}
        error={errorOf('newPassword')}
        onChange={(event) => setNewPassword(event.target.value)}
      />
      <PasswordField
        label="Repeat the new password"
        autoComplete="new-password"
        value={confirmation}
        error={errorOf('confirmation')}
        onChange={(event) => setConfirmation(event.target.value)}
      />
      <button type="submit" className="ui-button ui-button--primary" disabled={change.isPending}>
        {change.isPending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
