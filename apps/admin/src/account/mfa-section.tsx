import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSessionInfo } from '../session/session-context.js';
import { useTRPC } from '../trpc/trpc.js';
import { DisableMfaForm } from './disable-mfa-form.js';
import { MfaEnrolmentFlow } from './mfa-enrolment-flow.js';

/** Two-step verification: explains the state and offers to turn it on or off. */
export function MfaSection() {
  const session = useSessionInfo();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const start = useMutation(trpc.auth.mfa.start.mutationOptions());
  const refreshSession = () => queryClient.invalidateQueries(trpc.auth.session.queryFilter());

  return (
    <section className="panel" aria-labelledby="mfa-heading">
      <h2 id="mfa-heading">Two-step verification</h2>
      {session.mfaEnabled ? (
        <>
          <p>
            <span className="badge badge--on">On</span> Signing in asks for a code from your authenticator app.
          </p>
          <DisableMfaForm onDisabled={() => void refreshSession()} />
        </>
      ) : start.data ? (
        <MfaEnrolmentFlow
          enrolment={start.data}
          onFinished={() => {
            start.reset();
            void refreshSession();
          }}
        />
      ) : (
        <>
          <p>
            <span className="badge badge--off">Off</span> Add a code from an authenticator app to your password to
            protect your account.
          </p>
          {start.error ? (
            <p className="ui-form-error" role="alert">
              {start.error.message}
            </p>
          ) : null}
          <button
            type="button"
            className="ui-button ui-button--primary"
            disabled={start.isPending}
            onClick={() => start.mutate()}
          >
            {start.isPending ? 'Starting…' : 'Set up two-step verification'}
          </button>
        </>
      )}
    </section>
  );
}
