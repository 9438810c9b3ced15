import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ColumnDef, DataTable, SelectField } from '@ulms/ui';
import { type HistoryEntryDto, historyFields } from '@ulms/users/contracts';
import { useState } from 'react';
import { formatDateTime } from '../shared/format.js';
import { optionsOf } from '../shared/options.js';
import { useUsersTrpc } from '../users-admin-context.js';

const fieldOptions = optionsOf(historyFields);
/** Said under the name; a job's line already says what it was ("Bulk edit by Jane Smith"). */
const actorKinds: Readonly<Record<string, string>> = { apiKey: 'API key', system: 'System', sis: 'SIS load' };

const value = (text: string | null) =>
  text === null || text === '' ? <span className="muted">—</span> : <span className="users-history-value">{text}</span>;

const columns: ColumnDef<HistoryEntryDto>[] = [
  { id: 'at', header: 'Date', enableHiding: false, cell: ({ row }) => formatDateTime(row.original.at) },
  { id: 'field', header: 'Field', cell: ({ row }) => row.original.fieldLabel },
  { id: 'oldValue', header: 'Old value', cell: ({ row }) => value(row.original.oldValue) },
  { id: 'newValue', header: 'New value', cell: ({ row }) => value(row.original.newValue) },
  {
    id: 'actor',
    header: 'Changed by',
    cell: ({ row }) => (
      <div className="cell-stack">
        <span>{row.original.actor}</span>
        {actorKinds[row.original.actorKind] ? (
          <span className="muted">{actorKinds[row.original.actorKind]}</span>
        ) : null}
      </div>
    ),
  },
];

/** History: every recorded change of the user, newest first, filtered by field. */
export function HistoryTab({ userId }: { readonly userId: string }) {
  const trpc = useUsersTrpc();
  const [field, setField] = useState('');
  const [paging, setPaging] = useState({ pageIndex: 0, pageSize: 20 });
  const history = useQuery(
    trpc.users.history.queryOptions(
      { id: userId, field: field || undefined, page: paging.pageIndex, pageSize: paging.pageSize },
      { placeholderData: keepPreviousData },
    ),
  );

  return (
    <section className="users-part" aria-labelledby="users-history-title">
      <div className="users-section-header">
        <h2 id="users-history-title">History</h2>
      </div>
      <div className="users-history-filter">
        <SelectField
          label="Filter by field"
          options={fieldOptions}
          placeholder="All fields"
          value={field}
          onChange={(e) => {
            setField(e.target.value);
            setPaging((current) => ({ ...current, pageIndex: 0 }));
          }}
        />
      </div>
      {history.isError ? (
        <p className="ui-form-error" role="alert">
          The history could not be loaded. Please try again.
        </p>
      ) : (
        <DataTable
          caption="Changes to the user record"
          rows={history.data?.entries ?? []}
          columns={columns}
          getRowId={(entry) => entry.id}
          loading={history.isFetching}
          emptyMessage={field ? 'No changes to this field.' : 'No changes recorded.'}
          pagination={{ ...paging, totalRows: history.data?.total ?? 0, onChange: setPaging }}
        />
      )}
    </section>
  );
}
