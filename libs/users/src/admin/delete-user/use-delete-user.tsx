import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog, useToast } from '@ulms/ui';
import { type ReactNode, useState } from 'react';
import { useUsersTrpc } from '../users-admin-context.js';
import { DeletionBlockedDialog } from './deletion-blocked-dialog.js';

export interface UserToDelete {
  readonly id: string;
  readonly name: string;
}

type Step = { readonly kind: 'confirm' } | { readonly kind: 'blocked'; readonly reasons: readonly string[] };

export interface DeleteUser {
  /** Asks the guards first: the reasons dialog when any objects, the confirmation otherwise. */
  readonly start: (user: UserToDelete) => void;
  readonly checking: boolean;
  /** The confirmation and reasons dialogs; render them once. */
  readonly dialogs: ReactNode;
}

/** The delete flow of the reference: check, explain or confirm, delete, toast. */
export function useDeleteUser(
  options: { readonly onDeleted?: (user: UserToDelete) => void; readonly onUserPage?: boolean } = {},
): DeleteUser {
  const trpc = useUsersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [target, setTarget] = useState<UserToDelete | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [checking, setChecking] = useState(false);
  const close = () => {
    setTarget(null);
    setStep(null);
  };
  const remove = useMutation(
    trpc.users.delete.mutationOptions({
      onSuccess: async (result) => {
        if (!result.deleted) {
          setStep({ kind: 'blocked', reasons: result.reasons });
          return;
        }
        const user = target;
        close();
        if (!user) return;
        toast.show(`${user.name} was deleted.`, 'success');
        // Leave the user's page first: dropping its record while it is shown would flash "User not found".
        options.onDeleted?.(user);
        await queryClient.invalidateQueries(trpc.users.search.pathFilter());
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );

  const start = (user: UserToDelete) => {
    setChecking(true);
    remove.reset();
    queryClient
      .fetchQuery({ ...trpc.users.deletionCheck.queryOptions({ id: user.id }), staleTime: 0, gcTime: 0 })
      .then(({ reasons }) => {
        setTarget(user);
        setStep(reasons.length > 0 ? { kind: 'blocked', reasons } : { kind: 'confirm' });
      })
      .catch((error: Error) => toast.show(`Could not check ${user.name}: ${error.message}`, 'error'))
      .finally(() => setChecking(false));
  };

  const dialogs = (
    <>
      <ConfirmDialog
        open={target !== null && step?.kind === 'confirm'}
        title={`Delete ${target?.name ?? 'the user'}?`}
        message={
          <p>The user record, its notes, statistics, attachments and history are deleted. This cannot be undone.</p>
        }
        confirmLabel="Delete user"
        danger
        busy={remove.isPending}
        onCancel={close}
        onConfirm={() => target && remove.mutate({ id: target.id })}
      />
      <DeletionBlockedDialog
        user={step?.kind === 'blocked' ? target : null}
        reasons={step?.kind === 'blocked' ? step.reasons : []}
        onUserPage={options.onUserPage ?? false}
        onClose={close}
      />
    </>
  );
  return { start, checking, dialogs };
}
