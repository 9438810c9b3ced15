import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SisRunDto } from '@ulms/sis/contracts';
import { ConfirmDialog, useToast } from '@ulms/ui';
import { useSisTrpc } from '../sis-admin-context.js';

export interface ApplyDryRunDialogProps {
  readonly run: SisRunDto;
  readonly onClose: () => void;
  readonly onApplied: (run: SisRunDto) => void;
}

const users = (n: number) => `${n.toLocaleString()} user${n === 1 ? '' : 's'}`;

/** Asks before loading a dry run's file for real, saying what it will do. */
export function ApplyDryRunDialog({ run, onClose, onApplied }: ApplyDryRunDialogProps) {
  const trpc = useSisTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const apply = useMutation(
    trpc.sis.runs.applyDryRun.mutationOptions({
      onSuccess: async (applied) => {
        await queryClient.invalidateQueries(trpc.sis.runs.pathFilter());
        onApplied(applied);
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  const { created, updated, deactivated, rejected } = run.counts;
  return (
    <ConfirmDialog
      open
      title="Apply this dry run?"
      message={
        <>
          <p>
            The file <strong>{run.fileName}</strong> is loaded again under <code>{run.profileCode}</code>, for real: it
            will create {users(created)}, update {users(updated)} and deactivate {users(deactivated)}.
          </p>
          {rejected > 0 ? (
            <p>
              {rejected === 1 ? 'The rejected user is' : `The ${rejected.toLocaleString()} rejected users are`} not
              loaded.
            </p>
          ) : null}
          <p className="muted">Users changed since the dry run are loaded as they are then.</p>
        </>
      }
      confirmLabel="Apply"
      busy={apply.isPending}
      onCancel={onClose}
      onConfirm={() => apply.mutate({ id: run.id })}
    />
  );
}
