import { useMutation } from '@tanstack/react-query';
import type { SignInResult } from '@ulms/platform/contracts';
import { fieldErrorsOf, FormError, formMessageOf, PasswordField, TextField } from '@ulms/ui';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../trpc/trpc.js';
import { ExternalSignIn } from './external-sign-in.js';
import { rememberedInstitution, rememberInstitution } from './remembered-institution.js';

const fields = ['institution', 'username', 'password'];

export interface CredentialsStepProps {
  /** Called with the outcome and the password, which the forced password change needs again. */
  readonly onResult: (result: SignInResult, password: string) => void;
}

/** Institution code, username and password; the institution is remembered on this browser. */
export function CredentialsStep({ onResult }: CredentialsStepProps) {
  const trpc = useTRPC();
  const [institution, setInstitution] = useState(rememberedInstitution);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (result) => {
        rememberInstitution(institution.trim());
        onResult(result, password);
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const required: Record<string, string> = {};
    if (!institution.trim()) required['institution'] = 'Enter your institution code';
    if (!username.trim()) required['username'] = 'Enter your username';
    if (!password) required['password'] = 'Enter your password';
    setMissing(required);
    if (Object.keys(required).length === 0) signIn.mutate({ institution: institution.trim(), username, password });
  };

  const serverErrors = fieldErrorsOf(signIn.error);
  const errorOf = (field: string) => missing[field] ?? serverErrors[field] ?? null;
  return (
    <form className="ui-form" noValidate onSubmit={submit} aria-label="Sign in">
      <FormError message={formMessageOf(signIn.error, fields)} />
      <TextField
        label="Institution code"
        name="institution"
        autoComplete="organization"
        autoCapitalize="characters"
        autoFocus={institution === ''}
        spellCheck={false}
        value={institution}
        error={errorOf('institution')}
        onChange={(event) => setInstitution(event.target.value)}
      />
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        spellCheck={false}
        autoFocus={institution !== ''}
        value={username}
        error={errorOf('username')}
        onChange={(event) => setUsername(event.target.value)}
      />
      <PasswordField
        label="Password"
        name="password"
        autoComplete="current-password"
        value={password}
        error={errorOf('password')}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" className="ui-button ui-button--primary ui-button--block" disabled={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      <ExternalSignIn institution={institution} />
    </form>
  );
}
