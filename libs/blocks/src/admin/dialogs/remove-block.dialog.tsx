import { useMutation } from '@tanstack/react-query';
import type { BlockDto } from '@ulms/blocks/contracts';
import { ConfirmDialog, useToast } from '@ulms/ui';
import { useBlocksTrpc } from '../blocks-admin-context.js';
import { useBlocksChanged } from '../use-blocks-changed.js';

export interface RemoveBlockDialogProps {
  readonly block: BlockDto;
  /** The type's description. */
  readonly title: string;
  readonly onClose: () => void;
}

/** Asks before removing a manual block; a failure (removed meanwhile) says so and keeps the list fresh. */
export function RemoveBlockDialog({ block, title, onClose }: RemoveBlockDialogProps) {
  const trpc = useBlocksTrpc();
  const toast = useToast();
  const changed = useBlocksChanged();
  const remove = useMutation(
    trpc.blocks.remove.mutationOptions({
      onSuccess: async () => {
        await changed('Block removed.');
        onClose();
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  return (
    <ConfirmDialog
      open
      title="Remove this block?"
      message={
        <p>
          {title}
          {block.description ? `: ${block.description}` : ''}. The user is no longer blocked by it.
        </p>
      }
      confirmLabel="Remove block"
      danger
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() => remove.mutate({ id: block.id })}
    />
  );
}
