import { useMutation } from '@tanstack/react-query';
import type { FeeDto } from '@ulms/fines/contracts';
import { useFinesTrpc } from '../fines-admin-context.js';
import { formatMoney } from '../money.js';
import { useFeeChanged } from '../use-fee-changed.js';
import { useFinesChoices } from '../use-fines-choices.js';
import { FeeActionDialog } from './fee-action.dialog.js';
import { PaymentFields, paymentLabels, usePaymentForm } from './payment-fields.js';

const labels = paymentLabels('Payment method');

/** Pay: a payment of part or all of one fee's remaining balance. */
export function PayFeeDialog({ fee, onClose }: { readonly fee: FeeDto; readonly onClose: () => void }) {
  const trpc = useFinesTrpc();
  const choices = useFinesChoices();
  const changed = useFeeChanged();
  const pay = useMutation(trpc.fines.pay.mutationOptions());
  const form = usePaymentForm(fee.remainingBalance);
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
      <PaymentFields
        form={form}
        amountHint={`Up to the remaining balance, ${formatMoney(fee.remainingBalance, fee.currency)}.`}
        methodLabel="Payment method"
      />
    </FeeActionDialog>
  );
}
