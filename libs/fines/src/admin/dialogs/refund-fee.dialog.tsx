import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FeeDto } from '@ulms/fines/contracts';
import { errorAt, SelectField, TextAreaField, TextField } from '@ulms/ui';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useFinesTrpc } from '../fines-admin-context.js';
import { amountField, choiceField, commentField, optionalText } from '../fee-form.schema.js';
import { formatMoney } from '../money.js';
import { useFeeChanged } from '../use-fee-changed.js';
import { useFinesChoices } from '../use-fines-choices.js';
import { FeeActionDialog } from './fee-action.dialog.js';

const schema = z.object({
  amount: amountField,
  method: choiceField,
  externalTransactionId: optionalText(255),
  comment: commentField,
});
const labels = {
  amount: 'Amount',
  method: 'Refund method',
  externalTransactionId: 'External transaction ID',
  comment: 'Comment',
};

/** Refund: gives back up to what was paid on the fee and not yet refunded. */
export function RefundFeeDialog({ fee, onClose }: { readonly fee: FeeDto; readonly onClose: () => void }) {
  const trpc = useFinesTrpc();
  const details = useQuery(trpc.fines.get.queryOptions({ id: fee.id }));
  if (details.isPending) return null;
  return <RefundForm fee={fee} refundable={details.data?.refundable ?? '0.00'} onClose={onClose} />;
}

function RefundForm({ fee, refundable, onClose }: { fee: FeeDto; refundable: string; onClose: () => void }) {
  const trpc = useFinesTrpc();
  const choices = useFinesChoices();
  const changed = useFeeChanged();
  const refund = useMutation(trpc.fines.refund.mutationOptions());
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { amount: refundable, method: '', externalTransactionId: '', comment: '' },
  });
  const { errors } = form.formState;
  return (
    <FeeActionDialog
      title={`Refund: ${choices.typeLabel(fee.type)}`}
      form={form}
      fieldLabels={labels}
      submitLabel="Refund"
      confirmation={(output) => <p>Refund {formatMoney(output.amount, fee.currency)} of what was paid on this fee?</p>}
      send={async (output) => {
        await refund.mutateAsync({ id: fee.id, ...output });
        await changed('Refund recorded.');
        onClose();
      }}
      onClose={onClose}
    >
      <TextField
        label="Amount"
        required
        inputMode="decimal"
        hint={`Up to what was paid and not refunded, ${formatMoney(refundable, fee.currency)}.`}
        error={errorAt(errors, 'amount')}
        {...form.register('amount')}
      />
      <SelectField
        label="Refund method"
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
