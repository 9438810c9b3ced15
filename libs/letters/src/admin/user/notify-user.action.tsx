import { useMutation } from '@tanstack/react-query';
import { useToast } from '@ulms/ui';
import type { DeletionBlockedActionProps } from '@ulms/users/contracts';
import { useLettersTrpc } from '../letters-admin-context.js';
import { letterErrorOf } from './letter-error.js';
import { useLetterSent } from './use-letter-sent.js';

/** "Notify user" where a user cannot be deleted: the User Deletion letter about their balance due (the reference's). */
export function NotifyUserAction({ user, onDone }: DeletionBlockedActionProps) {
  const trpc = useLettersTrpc();
  const toast = useToast();
  const sent = useLetterSent();
  const notify = useMutation(
    trpc.letters.send.userDeletion.mutationOptions({
      onSuccess: async () => {
        onDone();
        await sent(`The User Deletion letter to ${user.name} is on its way; a copy is in their attachments.`);
      },
      onError: (error) => toast.show(letterErrorOf(error) ?? error.message, 'error'),
    }),
  );
  return (
    <button
      type="button"
      className="ui-button"
      disabled={notify.isPending}
      onClick={() => notify.mutate({ userId: user.id })}
    >
      Notify user
    </button>
  );
}
