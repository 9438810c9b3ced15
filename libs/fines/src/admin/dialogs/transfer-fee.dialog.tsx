import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { FeeDto } from '@ulms/fines/contracts';
import { errorAt, TextAreaField, TextField } from '@ulms/ui';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useFinesTrpc } from '../fines-admin-context.js';
import { commentField, optionalText } from '../fee-form.schema.js';
import { formatMoney } from '../money.js';
import { useFeeChanged } from '../use-fee-changed.js';
import { FeeActionDialog } from './fee-action.dialog.js';

const schema = z.object({ bursarTransactionId: optionalText(255), comment: commentField });
const labels = { bursarTransactionId: 'Bursar transaction ID', comment: 'Comment' };

/** Transfer to bursar: the fee is marked transferred (exported) and counts in the transferred balance. */
export function TransferFeeDialog({ fee, onClose }: { readonly fee: FeeDto; readonly onClose: () => void }) {
  const trpc = useFinesTrpc();
  const changed = useFeeChanged();
  const transfer = useMutation(trpc.fines.transfer.mutationOptions());
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { bursarTransactionId: '', comment: '' } });
  const { errors } = form.formState;
  return (
    <FeeActionDialog
      title="Transfer to bursar"
      form={form}
      fieldLabels={labels}
      submitLabel="Transfer"
      confirmation={() => (
        <p>
          Transfer this fee of {formatMoney(fee.remainingBalance, fee.currency)} to the bursar? It moves to the
          transferred balance.
        </p>
      )}
      send={async (output) => {
        await transfer.mutateAsync({ id: fee.id, ...output });
        await changed('Fee transferred to the bursar.');
        onClose();
      }}
      onClose={onClose}
    >
      <TextField
        label="Bursar transaction ID"
        maxLength={255}
        error={errorAt(errors, 'bursarTransactionId')}
        {...form.register('bursarTransactionId')}
      />
      <TextAreaField
        label="Comment"
        maxLength={2000}
        error={errorAt(errors, 'comment')}
        {...form.register('comment')}
      />
    </FeeActionDialog>
  );
}
