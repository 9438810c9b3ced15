import { zodResolver } from '@hookform/resolvers/zod';
import { errorAt, SelectField, TextAreaField, TextField } from '@ulms/ui';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { amountField, choiceField, commentField, optionalText } from '../fee-form.schema.js';
import { useFinesChoices } from '../use-fines-choices.js';

/** What a payment and a refund both take: an amount, a method of the list, an external transaction id, a comment. */
const paymentSchema = z.object({
  amount: amountField,
  method: choiceField,
  externalTransactionId: optionalText(255),
  comment: commentField,
});

export const paymentLabels = (methodLabel: string) => ({
  amount: 'Amount',
  method: methodLabel,
  externalTransactionId: 'External transaction ID',
  comment: 'Comment',
});

/** The form of a payment or refund, the amount filled in with `amount`. */
export const usePaymentForm = (amount: string) =>
  useForm({
    resolver: zodResolver(paymentSchema),
    defaultValues: { amount, method: '', externalTransactionId: '', comment: '' },
  });

/** The fields of a payment or refund, each with the server's message under it. */
export function PaymentFields({
  form,
  amountHint,
  methodLabel,
}: {
  readonly form: ReturnType<typeof usePaymentForm>;
  readonly amountHint: string;
  readonly methodLabel: string;
}) {
  const choices = useFinesChoices();
  const { errors } = form.formState;
  return (
    <>
      <TextField
        label="Amount"
        required
        inputMode="decimal"
        hint={amountHint}
        error={errorAt(errors, 'amount')}
        {...form.register('amount')}
      />
      <SelectField
        label={methodLabel}
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
    </>
  );
}
