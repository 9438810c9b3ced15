import { type ColumnDef, Link } from '@ulms/ui';
import { accountTypes, recordTypes, type UserListPage, type UserListRow, userStatuses } from '@ulms/users/contracts';
import type { ReactNode } from 'react';
import { formatDate, isPast } from '../shared/format.js';
import { labelOf } from '../shared/options.js';
import { useCodeTable } from '../shared/use-code-table.js';
import { userDetailsLink } from '../shared/users-paths.js';
import { sortableColumns, type Tab } from './search-state.js';

type Column = ColumnDef<UserListRow>;

/** A value on one line, cut with an ellipsis when the column is narrow; the whole value shows on hover. */
function OneLine({ text, children }: { readonly text: string; readonly children?: ReactNode }) {
  return (
    <span className="ui-truncate" title={text}>
      {children ?? text}
    </span>
  );
}

function CodeCell({ table, code }: { readonly table: 'JOB_CATEGORY' | 'USER_GROUP'; readonly code: string | null }) {
  const { describe } = useCodeTable(table, null);
  if (!code) return <span className="muted">—</span>;
  return <OneLine text={describe(code)} />;
}

const displayName = (row: UserListRow) => row.fullName || row.primaryId;

const active: Column = {
  id: 'active',
  header: 'Active',
  cell: ({ row }) =>
    row.original.active ? (
      <span className="users-check" aria-label="Active" title="Active">
        ✓
      </span>
    ) : (
      <span className="users-check users-check--off" aria-label="Not active" title="Not active">
        ✕
      </span>
    ),
};

const name: Column = {
  id: 'name',
  header: 'Name',
  accessorFn: displayName,
  enableHiding: false,
  cell: ({ row }) => (
    <OneLine text={displayName(row.original)}>
      <Link {...userDetailsLink(row.original.id)}>{displayName(row.original)}</Link>
    </OneLine>
  ),
};

// Columns with an accessor can be sorted by TanStack Table; `userListColumns` turns sorting off for those the
// server cannot order by.
const columnsByTab = (tab: Tab): Column[] => [
  active,
  name,
  {
    id: 'primaryId',
    header: 'Primary identifier',
    accessorFn: (row) => row.primaryId,
    cell: ({ row }) => <OneLine text={row.original.primaryId} />,
  },
  {
    id: 'accountType',
    header: 'Account type',
    cell: ({ row }) => <OneLine text={labelOf(accountTypes, row.original.accountType)} />,
  },
  ...(tab === 'ALL'
    ? [
        {
          id: 'recordType',
          header: 'Record type',
          accessorFn: (row) => row.recordType,
          cell: ({ row }) => <OneLine text={labelOf(recordTypes, row.original.recordType)} />,
        } satisfies Column,
      ]
    : []),
  {
    id: 'jobCategory',
    header: 'Job category',
    accessorFn: (row) => row.jobCategory,
    cell: ({ row }) => <CodeCell table="JOB_CATEGORY" code={row.original.jobCategory} />,
  },
  ...(tab === 'CONTACT'
    ? []
    : [
        {
          id: 'userGroup',
          header: 'User group',
          accessorFn: (row) => row.userGroup,
          cell: ({ row }) => <CodeCell table="USER_GROUP" code={row.original.userGroup} />,
        } satisfies Column,
      ]),
  {
    id: 'status',
    header: 'Status',
    accessorFn: (row) => row.status,
    cell: ({ row }) => (
      <span className={row.original.status === 'ACTIVE' ? 'badge badge--on' : 'badge badge--off'}>
        {labelOf(userStatuses, row.original.status)}
      </span>
    ),
  },
  {
    id: 'expiryDate',
    header: 'Expiration date',
    accessorFn: (row) => row.expiryDate,
    cell: ({ row }) => {
      const date = row.original.expiryDate;
      if (!date) return <span className="muted">—</span>;
      return isPast(date) ? <span className="users-expired">{formatDate(date)} (expired)</span> : formatDate(date);
    },
  },
];

function extraValue(value: string | number | boolean | null | undefined) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return <OneLine text={String(value)} />;
}

/**
 * The reference's columns for the tab, then the columns other modules contribute through `users.listColumns`
 * (blocks, notes count, fines balance…), which the Columns menu offers like the others.
 */
export function userListColumns(tab: Tab, extra: UserListPage['columns']): Column[] {
  const own = columnsByTab(tab).map(
    (column): Column => ({
      ...column,
      enableSorting: Boolean(column.id && sortableColumns.includes(column.id as never)),
    }),
  );
  const contributed = extra.map(
    (column): Column => ({
      id: `extra:${column.id}`,
      header: column.title,
      enableSorting: false,
      cell: ({ row }) => extraValue(row.original.extra[column.id]),
    }),
  );
  return [...own, ...contributed];
}
