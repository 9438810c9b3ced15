import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog, useToast } from '@ulms/ui';
import type { UserDto } from '@ulms/users/contracts';
import { useState } from 'react';
import { useUsersTrpc } from '../users-admin-context.js';
import { useRefreshUser } from './use-refresh-user.js';

function explanation(toExternal: boolean) {
  return toExternal ? (
    <>
      <p>
        The Student Information System will own this user: most fields become read-only here, and its identifiers become
        external data.
      </p>
      <p>
        The owner is set to <code>SIS_temp</code>, which marks the record for the next SIS synchronisation to update it.
      </p>
    </>
  ) : (
    <>
      <p>Staff will own this user: every field can be edited, and SIS synchronisation no longer updates it.</p>
      <p>Its external identifiers and contact information become internal data, and the local overrides are dropped.</p>
    </>
  );
}

/** Toggle account type: internal to external (owner SIS_temp) and back, after a confirmation. */
export function ToggleAccountTypeButton({ user }: { readonly user: UserDto }) {
  const trpc = useUsersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const refresh = useRefreshUser(user.id);
  const [confirming, setConfirming] = useState(false);
  const toExternal = user.accountType !== 'EXTERNAL';
  const toggle = useMutation(
    trpc.users.toggleAccountType.mutationOptions({
      onSuccess: async (updated) => {
        setConfirming(false);
        queryClient.setQueryData(trpc.users.get.queryKey({ id: updated.id }), updated);
        toast.show(
          `${updated.fullName || updated.primaryId} is now ${updated.accountType === 'EXTERNAL' ? 'external' : 'internal'}.`,
          'success',
        );
        await refresh();
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  return (
    <>
      <button type="button" className="ui-button" onClick={() => setConfirming(true)}>
        Toggle account type
      </button>
      <ConfirmDialog
        open={confirming}
        title={toExternal ? 'Make this user external?' : 'Make this user internal?'}
        message={explanation(toExternal)}
        confirmLabel={toExternal ? 'Make external' : 'Make internal'}
        busy={toggle.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => toggle.mutate({ id: user.id })}
      />
    </>
  );
}
