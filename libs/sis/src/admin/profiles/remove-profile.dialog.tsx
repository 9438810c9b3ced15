import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SisProfileDto } from '@ulms/sis/contracts';
import { ConfirmDialog, useToast } from '@ulms/ui';
import { useSisTrpc } from '../sis-admin-context.js';

export interface RemoveProfileDialogProps {
  readonly profile: SisProfileDto;
  readonly onClose: () => void;
  readonly onRemoved: () => void;
}

/** Asks before removing an integration profile. */
export function RemoveProfileDialog({ profile, onClose, onRemoved }: RemoveProfileDialogProps) {
  const trpc = useSisTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation(
    trpc.sis.profiles.remove.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.sis.profiles.list.queryFilter());
        toast.show(`Profile ${profile.code} removed.`, 'success');
        onClose();
        onRemoved();
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  return (
    <ConfirmDialog
      open
      title={`Remove the profile ${profile.code}?`}
      message={
        <p>
          {profile.settings.name} can load no more files. The users it loaded stay, and so do its past runs’ reports.
        </p>
      }
      confirmLabel="Remove profile"
      danger
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() => remove.mutate({ id: profile.id })}
    />
  );
}
