import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTRPC } from '../trpc/trpc.js';
import { AuthCard } from './auth-card.js';
import { NewPasswordForm } from './new-password-form.js';

/** For a session that may do nothing but change its password (for example after a reload mid sign-in). */
export function ForcedPasswordChangePage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.session.queryKey(), null);
        void navigate({ to: '/sign-in', replace: true });
      },
    }),
  );
  return (
    <AuthCard title="Choose a new password" intro={<p>Your password must be changed before you continue.</p>}>
      <NewPasswordForm
        submitLabel="Save and continue"
        onChanged={() => void queryClient.invalidateQueries(trpc.auth.session.queryFilter())}
      />
      <button type="button" className="ui-button ui-button--link" onClick={() => signOut.mutate()}>
        Sign out instead
      </button>
    </AuthCard>
  );
}
