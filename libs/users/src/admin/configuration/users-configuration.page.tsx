import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ColumnDef, ConfirmDialog, DataTable, PageHeader, SelectField, useToast } from '@ulms/ui';
import {
  type CodeTable,
  type CodeTableEntryDto,
  codeTableNames,
  codeTables,
  recordTypes,
  usersPermissions,
} from '@ulms/users/contracts';
import { useId, useState } from 'react';
import { labelOf } from '../shared/options.js';
import { TabList } from '../shared/tab-list.js';
import { useCan, useUsersTrpc } from '../users-admin-context.js';
import { CodeTableEntryDialog } from './code-table-entry-dialog.js';
import { type UsersSetting, UsersSettingsPanel } from './users-settings-panel.js';

type ConfigurationTab = 'codeTables' | UsersSetting;

const configurationTabs: { value: ConfigurationTab; label: string }[] = [
  { value: 'codeTables', label: 'Code tables' },
  { value: 'mandatoryFields', label: 'Mandatory fields' },
  { value: 'identifierFormats', label: 'Identifier formats' },
  { value: 'userIdGeneration', label: 'User ID generation' },
  { value: 'roleAssignmentRules', label: 'Role assignment rules' },
  { value: 'otherSettings', label: 'Other settings' },
];

const tableOptions = codeTableNames.map((value) => ({ value, label: codeTables[value] }));

const columns: ColumnDef<CodeTableEntryDto>[] = [
  { id: 'code', header: 'Code', enableHiding: false, cell: ({ row }) => <code>{row.original.code}</code> },
  { id: 'description', header: 'Description', cell: ({ row }) => row.original.description },
  {
    id: 'recordTypes',
    header: 'Record types',
    cell: ({ row }) =>
      row.original.recordTypes.length === 0 ? (
        <span className="muted">All</span>
      ) : (
        row.original.recordTypes.map((type) => labelOf(recordTypes, type)).join(', ')
      ),
  },
  {
    id: 'active',
    header: 'State',
    cell: ({ row }) => (
      <span className={row.original.active ? 'badge badge--on' : 'badge badge--off'}>
        {row.original.active ? 'Active' : 'Inactive'}
      </span>
    ),
  },
];

/** The users module's settings: code tables, mandatory fields, user ID generation and role assignment rules. */
export function UsersConfigurationPage() {
  const [tab, setTab] = useState<ConfigurationTab>('codeTables');
  const panelId = useId();
  return (
    <>
      <PageHeader
        title="User configuration"
        description="The lists staff choose from on user records, the fields they must fill in, how identifiers must look, how user IDs are made, which roles users receive, and other settings."
      />
      <div className="users-config-tabs">
        <TabList
          label="User configuration"
          tabs={configurationTabs}
          selected={tab}
          panelId={panelId}
          onSelect={setTab}
        />
      </div>
      <div id={panelId} role="tabpanel" aria-label={configurationTabs.find((t) => t.value === tab)?.label}>
        {tab === 'codeTables' ? <CodeTablesPanel /> : <UsersSettingsPanel setting={tab} />}
      </div>
    </>
  );
}

/** The code tables: user groups, job categories, titles, identifier types, campuses and statistics. */
function CodeTablesPanel() {
  const trpc = useUsersTrpc();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canManage = useCan(usersPermissions.configManage);
  const [table, setTable] = useState<CodeTable>('USER_GROUP');
  const [editing, setEditing] = useState<{ entry: CodeTableEntryDto | null } | null>(null);
  const [removing, setRemoving] = useState<CodeTableEntryDto | null>(null);
  const entries = useQuery(trpc.users.codeTables.list.queryOptions({ table }));
  const refresh = () => queryClient.invalidateQueries(trpc.users.codeTables.list.queryFilter());

  const save = useMutation(
    trpc.users.codeTables.save.mutationOptions({
      onSuccess: async (saved) => {
        toast.show(`${saved.description} is now ${saved.active ? 'active' : 'inactive'}.`, 'success');
        await refresh();
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  const remove = useMutation(
    trpc.users.codeTables.remove.mutationOptions({
      onSuccess: async () => {
        toast.show(`${removing?.description ?? 'Entry'} removed.`, 'success');
        setRemoving(null);
        await refresh();
      },
    }),
  );

  return (
    <>
      <div className="panel users-config-picker">
        <SelectField
          label="Code table"
          options={tableOptions}
          value={table}
          onChange={(e) => setTable(e.target.value as CodeTable)}
        />
        {canManage ? (
          <button type="button" className="ui-button ui-button--primary" onClick={() => setEditing({ entry: null })}>
            Add entry
          </button>
        ) : null}
      </div>
      {entries.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the code table: {entries.error.message}
        </p>
      ) : (
        <DataTable
          caption={codeTables[table]}
          rows={entries.data ?? []}
          columns={columns}
          getRowId={(entry) => entry.code}
          loading={entries.isPending}
          emptyMessage="No entries yet."
          rowActions={
            canManage
              ? (entry) => (
                  <>
                    <button
                      type="button"
                      className="ui-button ui-button--small"
                      aria-label={`Edit ${entry.code}`}
                      onClick={() => setEditing({ entry })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="ui-button ui-button--small"
                      aria-label={`${entry.active ? 'Deactivate' : 'Activate'} ${entry.code}`}
                      disabled={save.isPending}
                      onClick={() =>
                        save.mutate({ ...entry, recordTypes: [...entry.recordTypes], active: !entry.active })
                      }
                    >
                      {entry.active ? 'Deactivate' : 'Activate'}
                    </button>
                    <button
                      type="button"
                      className="ui-button ui-button--small"
                      aria-label={`Remove ${entry.code}`}
                      onClick={() => {
                        remove.reset();
                        setRemoving(entry);
                      }}
                    >
                      Remove
                    </button>
                  </>
                )
              : undefined
          }
        />
      )}
      {editing ? <CodeTableEntryDialog table={table} entry={editing.entry} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.description ?? ''}?`}
        message={
          <>
            <p>A value still used by users cannot be removed; deactivate it instead.</p>
            {remove.error ? (
              <p className="ui-form-error" role="alert">
                {remove.error.message}
              </p>
            ) : null}
          </>
        }
        confirmLabel="Remove"
        danger
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ table, code: removing.code })}
      />
    </>
  );
}
