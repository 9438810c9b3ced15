import { useQueryClient } from '@tanstack/react-query';
import type { SignInResult } from '@ulms/platform/contracts';
import { useRouteSearch } from '@ulms/ui';
import { useState } from 'react';
import { signInSearch } from '../navigation/route-tree.js';
import { useTRPC } from '../trpc/trpc.js';
import { AuthCard } from './auth-card.js';
import { CredentialsStep } from './credentials-step.js';
import { externalSignInFailed } from './external-sign-in.js';
import { MfaStep } from './mfa-step.js';
import { NewPasswordForm } from './new-password-form.js';

type Step = { readonly kind: 'credentials' } | { readonly kind: 'mfa' } | { readonly kind: 'newPassword' };

/** Sign-in in up to three steps: credentials, then a verification code, then a forced new password. */
export function SignInPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { reason } = useRouteSearch(signInSearch);
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const [password, setPassword] = useState('');

  // The app leaves this page by itself once the session query sees a full session.
  const finish = () => queryClient.invalidateQueries(trpc.auth.session.queryFilter());
  const follow = (result: SignInResult) => {
    if (result.status === 'signedIn') void finish();
    else setStep({ kind: result.status === 'mfaRequired' ? 'mfa' : 'newPassword' });
  };

  switch (step.kind) {
    case 'mfa':
      return (
        <AuthCard title="Two-step verification" intro={<p>Enter the code your authenticator app shows for ULMS.</p>}>
          <MfaStep onResult={follow} onCancel={() => setStep({ kind: 'credentials' })} />
        </AuthCard>
      );
    case 'newPassword':
      return (
        <AuthCard title="Choose a new password" intro={<p>Your password must be changed before you continue.</p>}>
          <NewPasswordForm currentPassword={password} submitLabel="Save and continue" onChanged={() => void finish()} />
        </AuthCard>
      );
    case 'credentials':
      return (
        <AuthCard
          title="Sign in"
          intro={
            externalSignInFailed() ? (
              <p className="notice notice--warning" role="alert">
                Sign-in with your institution's login did not succeed. Try again, or ask your administrator whether your
                account may sign in this way.
              </p>
            ) : reason === 'expired' ? (
              <p className="notice" role="status">
                Your session has expired. Please sign in again.
              </p>
            ) : (
              <p>Staff administration for your library.</p>
            )
          }
        >
          <CredentialsStep
            onResult={(result, typed) => {
              setPassword(typed);
              follow(result);
            }}
          />
        </AuthCard>
      );
  }
}
