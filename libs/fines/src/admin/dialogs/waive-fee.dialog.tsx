import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { FeeDto } from '@ulms/fines/contracts';
import { errorAt, SelectField, TextAreaField, TextField } from '@ulms/ui';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useFinesTrpc } from '../fines-admin-context.js';
import { amountField, choiceField, commentField } from '../fee-form.schema.js';
import { formatMoney } from '../money.js';
import { useFeeChanged } from '../use-fee-changed.js';
import { useFinesChoices } from '../use-fines-choices.js';
import { FeeActionDialog } from './fee-action.dialog.js';

const schema = z.object({ amount: amountField, reason: choiceField, comment: commentField });
const labels = { amount: 'Amount', reason: 'Reason', comment: 'Comment' };

/** Waive: part or all of one fee's remaining balance, for a reason of the institution's list. */
export function WaiveFeeDialog({ fee, onClose }: { readonly fee: FeeDto; readonly onClose: () => void }) {
  const trpc = useFinesTrpc();
  const choices = useFinesChoices();
  const changed = useFeeChanged();
  const waive = useMutation(trpc.fines.waive.mutationOptions());
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { amount: fee.remainingBalance, reason: '', comment: '' },
  });
  const { errors } = form.formState;
  return (
    <FeeActionDialog
      title={`Waive: ${choices.typeLabel(fee.type)}`}
      form={form}
      fieldLabels={labels}
      submitLabel="Waive"
      confirmation={(output) => (
        <p>
          Waive {formatMoney(output.amount, fee.currency)} of this fee? Its remaining balance is{' '}
          {formatMoney(fee.remainingBalance, fee.currency)}.
        </p>
      )}
      send={async (output) => {
        await waive.mutateAsync({ id: fee.id, ...output });
        await changed('Fee waived.');
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
        label="Reason"
        required
        placeholder="Choose a reason"
        options={choices.waiveReasons}
        error={errorAt(errors, 'reason')}
        {...form.register('reason')}
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
