import { useQuery } from '@tanstack/react-query';
import type { FeeDto, FeeLedgerEntryDto } from '@ulms/fines/contracts';
import { type ColumnDef, DataTable, Dialog, type SelectOption } from '@ulms/ui';
import { useMemo } from 'react';
import { statusLabels } from '../fee-filters.js';
import { useFinesTrpc } from '../fines-admin-context.js';
import { formatMoney } from '../money.js';
import { useFinesChoices } from '../use-fines-choices.js';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const actionLabels: Record<string, string> = {
  ADD: 'Added',
  CREDIT: 'Credit',
  PAY: 'Payment',
  WAIVE: 'Waived',
  DISPUTE: 'Disputed',
  RESTORE: 'Restored',
  TRANSFER: 'Transferred to bursar',
  REFUND: 'Refund',
};

const ledgerColumns = (
  currency: string,
  labelOf: { reason: (code: string) => string; method: (code: string) => string },
): ColumnDef<FeeLedgerEntryDto>[] => [
  { id: 'date', header: 'Date', enableHiding: false, cell: ({ row }) => dateTime.format(row.original.createdAt) },
  {
    id: 'action',
    header: 'Action',
    enableHiding: false,
    cell: ({ row }) => actionLabels[row.original.action] ?? row.original.action,
  },
  {
    id: 'amount',
    header: 'Amount',
    enableHiding: false,
    cell: ({ row }) => <span className="fines-amount">{formatMoney(row.original.amount, currency)}</span>,
  },
  {
    id: 'details',
    header: 'Details',
    enableHiding: false,
    cell: ({ row }) => {
      const { reason, method, externalTransactionId, comment } = row.original;
      return [reason && labelOf.reason(reason), method && labelOf.method(method), externalTransactionId, comment]
        .filter(Boolean)
        .join(' · ');
    },
  },
  { id: 'by', header: 'By', enableHiding: false, cell: ({ row }) => row.original.createdBy },
];

/** Details: the fee and every transaction on it, oldest first. */
export function FeeDetailsDialog({ fee, onClose }: { readonly fee: FeeDto; readonly onClose: () => void }) {
  const trpc = useFinesTrpc();
  const choices = useFinesChoices();
  const details = useQuery(trpc.fines.get.queryOptions({ id: fee.id }));
  const data = details.data;
  const { waiveReasons, paymentMethods } = choices;
  const columns = useMemo(() => {
    const labelIn = (options: readonly SelectOption[]) => (code: string) =>
      options.find((option) => option.value === code)?.label ?? code;
    return ledgerColumns(fee.currency, { reason: labelIn(waiveReasons), method: labelIn(paymentMethods) });
  }, [fee.currency, waiveReasons, paymentMethods]);
  return (
    <Dialog
      open
      size="large"
      title={`Fee details: ${choices.typeLabel(fee.type)}`}
      onClose={onClose}
      footer={
        <button type="button" className="ui-button" onClick={onClose}>
          Close
        </button>
      }
    >
      {details.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the fee: {details.error.message}
        </p>
      ) : null}
      <dl className="fines-details">
        <dt>Status</dt>
        <dd>
          {statusLabels[fee.status]} since {dateTime.format(fee.statusDate)}
        </dd>
        <dt>Original amount</dt>
        <dd>{formatMoney(fee.originalAmount, fee.currency)}</dd>
        <dt>Remaining balance</dt>
        <dd>{formatMoney(fee.remainingBalance, fee.currency)}</dd>
        <dt>Refundable</dt>
        <dd>{data ? formatMoney(data.refundable, fee.currency) : '…'}</dd>
        <dt>Item</dt>
        <dd>{[fee.itemBarcode, fee.itemTitle].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>Owner</dt>
        <dd>{fee.ownerLibrary ?? 'Institution'}</dd>
        {fee.bursarTransactionId ? (
          <>
            <dt>Bursar transaction ID</dt>
            <dd>{fee.bursarTransactionId}</dd>
          </>
        ) : null}
        {fee.comment ? (
          <>
            <dt>Comment</dt>
            <dd>{fee.comment}</dd>
          </>
        ) : null}
        <dt>Created</dt>
        <dd>
          {dateTime.format(fee.createdAt)} by {fee.createdBy}
        </dd>
        {data?.linkedLoan ? (
          <>
            <dt>Loan</dt>
            <dd>{data.linkedLoan.description}</dd>
          </>
        ) : null}
      </dl>
      <DataTable
        caption="Transactions"
        rows={data?.ledger ?? []}
        columns={columns}
        getRowId={(entry) => entry.id}
        loading={details.isPending}
        emptyMessage="No transactions."
        compact
      />
    </Dialog>
  );
}
