import type { ColumnDef } from '@ulms/ui';
import { type BlockRow, effectsText, type RowLabels, sortableColumns, titleOf } from './block-rows.js';
import { formatDate, formatDateTime } from './block-format.js';

const none = <span className="muted">—</span>;
const text = (value: string | null) => (value ? <span className="blocks-text">{value}</span> : none);
const sortable = (id: string) => sortableColumns.includes(id);

/**
 * The columns of the tab's list; automatic rows show their rule's title and message. `libraryLabel` names an
 * owner library by its code ("Main Library (MAIN)"), or gives the code back when the libraries are not readable.
 */
export function blockColumns(labels: RowLabels, libraryLabel: (code: string) => string): ColumnDef<BlockRow>[] {
  const columns: ColumnDef<BlockRow>[] = [
    {
      id: 'type',
      header: 'Type or rule',
      enableHiding: false,
      cell: ({ row }) => <span className="blocks-title">{titleOf(row.original, labels)}</span>,
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row }) =>
        row.original.active ? (
          <span className="badge blocks-badge--active">Active</span>
        ) : (
          <span className="badge badge--off">Expired</span>
        ),
    },
    {
      id: 'kind',
      header: 'Kind',
      // An automatic block has no actions: staff cannot edit or remove what a rule computes.
      cell: ({ row }) =>
        row.original.kind === 'manual' ? (
          'Manual'
        ) : (
          <div className="cell-stack">
            <span>Automatic</span>
            <span className="muted blocks-computed">Computed by the rule “{titleOf(row.original, labels)}”</span>
          </div>
        ),
    },
    {
      id: 'effects',
      header: 'Stops',
      cell: ({ row }) => <span className="blocks-effects">{effectsText(row.original.block.effects)}</span>,
    },
    {
      id: 'expiryDate',
      header: 'Expiry date',
      cell: ({ row }) =>
        row.original.kind === 'manual' && row.original.block.expiryDate ? (
          <span className="blocks-nowrap">{formatDate(row.original.block.expiryDate)}</span>
        ) : (
          <span className="muted">None</span>
        ),
    },
    {
      id: 'description',
      header: 'Description or reason',
      cell: ({ row }) =>
        text(row.original.kind === 'manual' ? row.original.block.description : row.original.block.message),
    },
    {
      id: 'note',
      header: 'Note',
      cell: ({ row }) => text(row.original.kind === 'manual' ? row.original.block.note : null),
    },
    {
      id: 'owner',
      header: 'Owner',
      cell: ({ row }) =>
        row.original.kind === 'manual' && row.original.block.ownerLibrary
          ? libraryLabel(row.original.block.ownerLibrary)
          : 'Institution',
    },
    {
      id: 'external',
      header: 'External',
      cell: ({ row }) =>
        row.original.kind === 'manual' && row.original.block.external ? (
          <span className="badge badge--on">Yes</span>
        ) : (
          <span className="muted">No</span>
        ),
    },
    {
      id: 'created',
      header: 'Created',
      cell: ({ row }) =>
        row.original.kind === 'manual' ? (
          <div className="cell-stack">
            <span>{row.original.block.createdBy}</span>
            <span className="muted blocks-nowrap">{formatDateTime(row.original.block.createdAt)}</span>
          </div>
        ) : (
          <span className="muted">Computed now</span>
        ),
    },
  ];
  // The tab sorts the rows itself (block-rows.ts); TanStack offers a header's sort button only with an accessor.
  return columns.map(
    (column): ColumnDef<BlockRow> =>
      sortable(column.id ?? '') ? { ...column, accessorFn: (row) => row.id } : { ...column, enableSorting: false },
  );
}
