import { useMutation } from '@tanstack/react-query';
import type { SignInResult } from '@ulms/platform/contracts';
import { fieldErrorsOf, FormError, formMessageOf, TextField } from '@ulms/ui';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../trpc/trpc.js';

export interface MfaStepProps {
  readonly onResult: (result: SignInResult) => void;
  readonly onCancel: () => void;
}

/** The second step when the account has two-step verification: a code from the app or a recovery code. */
export function MfaStep({ onResult, onCancel }: MfaStepProps) {
  const trpc = useTRPC();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const verify = useMutation(trpc.auth.verifyMfa.mutationOptions({ onSuccess: onResult }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    setMissing(trimmed ? null : 'Enter the code from your authenticator app');
    if (trimmed) verify.mutate({ code: trimmed });
  };

  return (
    <form className="ui-form" noValidate onSubmit={submit} aria-label="Verification code">
      <FormError message={formMessageOf(verify.error, ['code'])} />
      <TextField
        label="Verification code"
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        name="code"
        autoComplete="one-time-code"
        inputMode="text"
        spellCheck={false}
        autoFocus
        value={code}
        error={missing ?? fieldErrorsOf(verify.error)['code'] ?? null}
        onChange={(event) => setCode(event.target.value)}
      />
      <button type="submit" className="ui-button ui-button--primary ui-button--block" disabled={verify.isPending}>
        {verify.isPending ? 'Checking…' : 'Verify'}
      </button>
      <button type="button" className="ui-button ui-button--link" onClick={onCancel}>
        Start again
      </button>
    </form>
  );
}
