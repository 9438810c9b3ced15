import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@ulms/ui';
import { fieldLabels } from '../user-form/user-form.schema.js';
import { useUsersTrpc } from '../users-admin-context.js';
import { useRefreshUser } from './use-refresh-user.js';

/** "Revert to original value": the protected field takes the SIS value again and follows the SIS from now on. */
export function useRevertOverride(userId: string): {
  readonly revert: (field: string) => void;
  readonly pending: boolean;
} {
  const trpc = useUsersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const refresh = useRefreshUser(userId);
  const mutation = useMutation(
    trpc.users.revertOverride.mutationOptions({
      onSuccess: async (updated, input) => {
        queryClient.setQueryData(trpc.users.get.queryKey({ id: updated.id }), updated);
        toast.show(`${fieldLabels[input.field] ?? input.field} reverted to the SIS value.`, 'success');
        await refresh();
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  return { revert: (field) => mutation.mutate({ id: userId, field }), pending: mutation.isPending };
}
