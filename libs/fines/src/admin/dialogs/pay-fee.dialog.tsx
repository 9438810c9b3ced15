import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
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
  method: 'Payment method',
  externalTransactionId: 'External transaction ID',
  comment: 'Comment',
};

/** Pay: a payment of part or all of one fee's remaining balance. */
export function PayFeeDialog({ fee, onClose }: { readonly fee: FeeDto; readonly onClose: () => void }) {
  const trpc = useFinesTrpc();
  const choices = useFinesChoices();
  const changed = useFeeChanged();
  const pay = useMutation(trpc.fines.pay.mutationOptions());
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { amount: fee.remainingBalance, method: '', externalTransactionId: '', comment: '' },
  });
  const { errors } = form.formState;
  return (
    <FeeActionDialog
      title={`Pay: ${choices.typeLabel(fee.type)}`}
      form={form}
      fieldLabels={labels}
      submitLabel="Pay"
      confirmation={(output) => (
        <p>
          Record a payment of {formatMoney(output.amount, fee.currency)} by{' '}
          {choices.paymentMethods.find((m) => m.value === output.method)?.label ?? output.method}?
        </p>
      )}
      send={async (output) => {
        await pay.mutateAsync({ id: fee.id, ...output });
        await changed('Payment recorded.');
        onClose();
      }}
      onClose={onClose}
    >
      <TextField
        label="Amount"
        required
        inputMode="decimal"
        hint={`Up to the remaining balance, ${formatMoney(fee.remainingBalance, fee.currency)}.`}
        error={errorAt(errors, 'amount')}
        {...form.register('amount')}
      />
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
