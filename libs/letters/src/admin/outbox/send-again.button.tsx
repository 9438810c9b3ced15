import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lettersPermissions, type OutboxLetterDto } from '@ulms/letters/contracts';
import { useAdminCan, useToast } from '@ulms/ui';
import { useLettersTrpc } from '../letters-admin-context.js';

/** Queues a failed or held letter again; only for staff who may, and only for those letters. */
export function SendAgainButton({ letter }: { readonly letter: OutboxLetterDto }) {
  const trpc = useLettersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canRetry = useAdminCan(lettersPermissions.outboxRetry);
  const retry = useMutation(
    trpc.letters.outbox.retry.mutationOptions({
      onSuccess: async () => {
        toast.show('The letter is queued to be sent again.', 'success');
        await queryClient.invalidateQueries(trpc.letters.outbox.pathFilter());
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  if (!canRetry || (letter.status !== 'FAILED' && letter.status !== 'HELD')) return null;
  return (
    <button
      type="button"
      className="ui-button ui-button--primary"
      disabled={retry.isPending}
      aria-busy={retry.isPending}
      onClick={() => retry.mutate({ id: letter.id })}
    >
      {retry.isPending ? 'Sending…' : 'Send again'}
    </button>
  );
}
