import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { errorAt, SelectField, TextAreaField, TextField } from '@ulms/ui';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useFinesTrpc } from '../fines-admin-context.js';
import { choiceField, commentField, optionalText } from '../fee-form.schema.js';
import { formatMoney } from '../money.js';
import { useFeeChanged } from '../use-fee-changed.js';
import { useFinesChoices } from '../use-fines-choices.js';
import { FeeActionDialog } from './fee-action.dialog.js';

const schema = z.object({ method: choiceField, externalTransactionId: optionalText(255), comment: commentField });
const labels = { method: 'Payment method', externalTransactionId: 'External transaction ID', comment: 'Comment' };

export interface PayAllDialogProps {
  readonly userId: string;
  /** The active balance the payment settles. */
  readonly balance: string;
  readonly currency: string;
  readonly onClose: () => void;
}

/** Pay all: one payment of the user's whole active balance. */
export function PayAllDialog({ userId, balance, currency, onClose }: PayAllDialogProps) {
  const trpc = useFinesTrpc();
  const choices = useFinesChoices();
  const changed = useFeeChanged();
  const payAll = useMutation(trpc.fines.payAll.mutationOptions());
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { method: '', externalTransactionId: '', comment: '' },
  });
  const { errors } = form.formState;
  return (
    <FeeActionDialog
      title="Pay all"
      form={form}
      fieldLabels={labels}
      submitLabel="Pay all"
      confirmation={() => <p>Record a payment of the whole active balance, {formatMoney(balance, currency)}?</p>}
      send={async (output) => {
        await payAll.mutateAsync({ userId, ...output });
        await changed('Payment of every active fee recorded.');
        onClose();
      }}
      onClose={onClose}
    >
      <p>Pays {formatMoney(balance, currency)}, every active fee in full.</p>
      <SelectField
        label="Payment method"
        required
        placeholder="Choose a method"
        options={choices.paymentMethods}
        error={errorAt(errors, 'method')}
        {...form.register('method')}
      />
      <TextField
        label="External transaction ID"
        maxLength={255}
        error={errorAt(errors, 'externalTransactionId')}
        {...form.register('externalTransactionId')}
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
