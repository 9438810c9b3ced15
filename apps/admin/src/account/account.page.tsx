import { PageHeader, useToast } from '@ulms/ui';
import { useSessionInfo } from '../session/session-context.js';
import { NewPasswordForm } from '../sign-in/new-password-form.js';
import { MfaSection } from './mfa-section.js';

/** The signed-in staff member's own settings: password and two-step verification. */
export function AccountPage() {
  const session = useSessionInfo();
  const toast = useToast();
  return (
    <>
      <PageHeader
        title="Account settings"
        description={`${session.account.displayName} (${session.account.username}) at ${session.institution.name}`}
      />
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <div className="panel__narrow">
          <NewPasswordForm
            submitLabel="Change password"
            onChanged={() => toast.show('Your password was changed.', 'success')}
          />
        </div>
      </section>
      <MfaSection />
    </>
  );
}
