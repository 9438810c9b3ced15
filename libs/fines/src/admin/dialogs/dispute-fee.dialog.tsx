import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { FeeDto } from '@ulms/fines/contracts';
import { errorAt, TextAreaField } from '@ulms/ui';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useFinesTrpc } from '../fines-admin-context.js';
import { commentField } from '../fee-form.schema.js';
import { formatMoney } from '../money.js';
import { useFeeChanged } from '../use-fee-changed.js';
import { FeeActionDialog } from './fee-action.dialog.js';

const schema = z.object({ comment: commentField });
const labels = { comment: 'Comment' };

export interface DisputeFeeDialogProps {
  readonly fee: FeeDto;
  /** Dispute an active fee, or restore a disputed one to active. */
  readonly action: 'dispute' | 'restore';
  readonly onClose: () => void;
}

/** Dispute (the fee leaves the active balance for the disputed one) or Restore (back again), with a comment. */
export function DisputeFeeDialog({ fee, action, onClose }: DisputeFeeDialogProps) {
  const trpc = useFinesTrpc();
  const changed = useFeeChanged();
  const dispute = useMutation(trpc.fines.dispute.mutationOptions());
  const restore = useMutation(trpc.fines.restore.mutationOptions());
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { comment: '' } });
  const amount = formatMoney(fee.remainingBalance, fee.currency);
  return (
    <FeeActionDialog
      title={action === 'dispute' ? 'Dispute fee' : 'Restore disputed fee'}
      form={form}
      fieldLabels={labels}
      submitLabel={action === 'dispute' ? 'Dispute' : 'Restore'}
      confirmation={() => (
        <p>
          {action === 'dispute'
            ? `Dispute this fee? Its ${amount} moves from the active balance to the disputed balance.`
            : `Restore this fee? Its ${amount} moves back from the disputed balance to the active balance.`}
        </p>
      )}
      send={async (output) => {
        await (action === 'dispute' ? dispute : restore).mutateAsync({ id: fee.id, ...output });
        await changed(action === 'dispute' ? 'Fee disputed.' : 'Fee restored.');
        onClose();
      }}
      onClose={onClose}
    >
      <TextAreaField
        label="Comment"
        maxLength={2000}
        error={errorAt(form.formState.errors, 'comment')}
        {...form.register('comment')}
      />
    </FeeActionDialog>
  );
}
