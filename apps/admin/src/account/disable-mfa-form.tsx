import { useMutation } from '@tanstack/react-query';
import { fieldErrorsOf, FormError, formMessageOf, PasswordField, useToast } from '@ulms/ui';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../trpc/trpc.js';

/** Turns two-step verification off after the password is entered again. */
export function DisableMfaForm({ onDisabled }: { readonly onDisabled: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const disable = useMutation(
    trpc.auth.mfa.disable.mutationOptions({
      onSuccess: () => {
        toast.show('Two-step verification is off.', 'success');
        onDisabled();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(password ? null : 'Enter your password');
    if (password) disable.mutate({ password });
  };
  return (
    <form className="ui-form panel__narrow" noValidate onSubmit={submit} aria-label="Turn off two-step verification">
      <FormError message={formMessageOf(disable.error, ['password'])} />
      <PasswordField
        label="Password"
        hint="Enter your password to turn two-step verification off."
        autoComplete="current-password"
        value={password}
        error={missing ?? fieldErrorsOf(disable.error)['password'] ?? null}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" className="ui-button ui-button--danger" disabled={disable.isPending}>
        Turn off two-step verification
      </button>
    </form>
  );
}
