import { type ColumnDef, Link } from '@ulms/ui';
import { accountTypes, recordTypes, type UserListPage, type UserListRow, userStatuses } from '@ulms/users/contracts';
import { CodeLabel } from '../shared/code-label.js';
import { formatDate, isPast } from '../shared/format.js';
import { labelOf } from '../shared/options.js';
import { userDetailsLink } from '../shared/users-paths.js';
import { sortableColumns, type Tab } from './search-state.js';

type Column = ColumnDef<UserListRow>;

const active: Column = {
  id: 'active',
  header: 'Active',
  enableSorting: false,
  cell: ({ row }) =>
    row.original.active ? (
      <span className="users-check" aria-label="Active" title="Active">✓</span>
    ) : (
      <span className="users-check users-check--off" aria-label="Not active" title="Not active">✕</span>
    ),
};

const name: Column = {
  id: 'name',
  header: 'Name',
  enableHiding: false,
  cell: ({ row }) => (
    <div className="cell-stack">
      <Link {...userDetailsLink(row.original.id)}>{row.original.fullName || row.original.primaryId}</Link>
      <code className="muted">{row.original.primaryId}</code>
    </div>
  ),
};

const columnsByTab = (tab: Tab): Column[] => [
  active,
  name,
  { id: 'primaryId', header: 'Primary identifier', cell: ({ row }) => row.original.primaryId },
  { id: 'accountType', header: 'Account type', enableSorting: false, cell: ({ row }) => labelOf(accountTypes, row.original.accountType) },
  ...(tab === 'ALL'
    ? [{ id: 'recordType', header: 'Record type', cell: ({ row }) => labelOf(recordTypes, row.original.recordType) } satisfies Column]
    : []),
  { id: 'jobCategory', header: 'Job category', cell: ({ row }) => <CodeLabel table="JOB_CATEGORY" code={row.original.jobCategory} /> },
  ...(tab === 'CONTACT'
    ? []
    : [{ id: 'userGroup', header: 'User group', cell: ({ row }) => <CodeLabel table="USER_GROUP" code={row.original.userGroup} /> } satisfies Column]),
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => (
      <span className={row.original.status === 'ACTIVE' ? 'badge badge--on' : 'badge badge--off'}>
        {labelOf(userStatuses, row.original.status)}
      </span>
    ),
  },
  {
    id: 'expiryDate',
    header: 'Expiration date',
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
  return String(value);
}

/** The reference's columns for the tab, then the columns other modules contribute. */
export function userListColumns(tab: Tab, extra: UserListPage['columns']): Column[] {
  const own = columnsByTab(tab).map((column) =>
    column.id && !sortableColumns.includes(column.id as never) ? { ...column, enableSorting: false } : column,
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
