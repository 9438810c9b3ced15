import { useMutation, useQuery } from '@tanstack/react-query';
import type { FeeDto } from '@ulms/fines/contracts';
import { useFinesTrpc } from '../fines-admin-context.js';
import { formatMoney } from '../money.js';
import { useFeeChanged } from '../use-fee-changed.js';
import { useFinesChoices } from '../use-fines-choices.js';
import { FeeActionDialog } from './fee-action.dialog.js';
import { PaymentFields, paymentLabels, usePaymentForm } from './payment-fields.js';

const labels = paymentLabels('Refund method');

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
  const form = usePaymentForm(refundable);
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
      <PaymentFields
        form={form}
        amountHint={`Up to what was paid and not refunded, ${formatMoney(refundable, fee.currency)}.`}
        methodLabel="Refund method"
      />
    </FeeActionDialog>
  );
}
