import type { FeeDto } from '@ulms/fines/contracts';
import type { ColumnDef } from '@ulms/ui';
import { statusLabels } from './fee-filters.js';

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const none = <span className="muted">—</span>;
const amount = (value: string) => <span className="fines-amount">{value}</span>;

/** The VAT columns are offered in the Columns menu, hidden at first. */
export const hiddenFeeColumns = ['originalVat', 'remainingVat'];

/**
 * The list's columns; the money columns name the currency. The amounts come right after the
 * status (the reference puts them after the item), so they are in view without scrolling the wide list.
 */
export function feeColumns(typeLabel: (code: string) => string, currency: string): ColumnDef<FeeDto>[] {
  const withCurrency = (header: string) => (currency ? `${header} (${currency})` : header);
  return [
    { id: 'createdAt', header: 'Creation date', cell: ({ row }) => dateOnly.format(row.original.createdAt) },
    {
      id: 'type',
      header: 'Fine/fee type',
      enableHiding: false,
      cell: ({ row }) => typeLabel(row.original.type),
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row }) => (
        <span className={`badge fines-status fines-status--${row.original.status.toLowerCase()}`}>
          {statusLabels[row.original.status]}
        </span>
      ),
    },
    {
      id: 'originalAmount',
      header: withCurrency('Original amount'),
      cell: ({ row }) => amount(row.original.originalAmount),
    },
    {
      id: 'remainingBalance',
      header: withCurrency('Remaining balance'),
      cell: ({ row }) => amount(row.original.remainingBalance),
    },
    { id: 'statusDate', header: 'Status date', cell: ({ row }) => dateOnly.format(row.original.statusDate) },
    {
      id: 'comment',
      header: 'Comment',
      cell: ({ row }) => (row.original.comment ? <span className="fines-comment">{row.original.comment}</span> : none),
    },
    { id: 'owner', header: 'Fee owner', cell: ({ row }) => row.original.ownerLibrary ?? 'Institution' },
    { id: 'title', header: 'Title', cell: ({ row }) => row.original.itemTitle ?? none },
    { id: 'itemBarcode', header: 'Item barcode', cell: ({ row }) => row.original.itemBarcode ?? none },
    { id: 'originalVat', header: withCurrency('Original VAT'), cell: ({ row }) => amount(row.original.originalVat) },
    { id: 'remainingVat', header: withCurrency('Remaining VAT'), cell: ({ row }) => amount(row.original.remainingVat) },
    {
      id: 'bursarTransactionId',
      header: 'Bursar transaction ID',
      cell: ({ row }) => row.original.bursarTransactionId ?? none,
    },
  ];
}
