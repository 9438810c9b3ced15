import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyInfo } from '@ulms/platform/contracts';
import { type ColumnDef, ConfirmDialog, DataTable, PageHeader, useToast } from '@ulms/ui';
import { useState } from 'react';
import { formatDateTime } from '../format/format-date.js';
import { useTRPC } from '../trpc/trpc.js';
import { CreateApiKeyDialog } from './create-api-key-dialog.js';

const columns: ColumnDef<ApiKeyInfo>[] = [
  { id: 'name', header: 'Name', enableHiding: false, cell: ({ row }) => <strong>{row.original.name}</strong> },
  { id: 'prefix', header: 'Key starts with', cell: ({ row }) => <code>{row.original.prefix}…</code> },
  {
    id: 'permissions',
    header: 'Permissions',
    cell: ({ row }) => (
      <span className="permission-list" title={row.original.permissions.join('\n')}>
        {row.original.permissions.length === 1
          ? row.original.permissions[0]
          : `${row.original.permissions.length} permissions`}
      </span>
    ),
  },
  { id: 'createdAt', header: 'Created', cell: ({ row }) => formatDateTime(row.original.createdAt) },
  { id: 'lastUsedAt', header: 'Last used', cell: ({ row }) => formatDateTime(row.original.lastUsedAt) },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) =>
      row.original.revokedAt ? (
        <span className="badge badge--off">Revoked {formatDateTime(row.original.revokedAt)}</span>
      ) : (
        <span className="badge badge--on">Active</span>
      ),
  },
];

/** The institution's API keys for the Alma-format REST API: create, see usage, revoke. */
export function ApiKeysPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const keys = useQuery(trpc.auth.apiKeys.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyInfo | null>(null);
  const revoke = useMutation(
    trpc.auth.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        toast.show(`API key ${revoking?.name ?? ''} revoked.`, 'success');
        setRevoking(null);
        await queryClient.invalidateQueries(trpc.auth.apiKeys.list.queryFilter());
      },
      onError: (error) => {
        setRevoking(null);
        toast.show(error.message, 'error');
      },
    }),
  );

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let your scripts and integrations call the Alma-format REST API."
        actions={
          <button type="button" className="ui-button ui-button--primary" onClick={() => setCreating(true)}>
            Create API key
          </button>
        }
      />
      {keys.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the API keys: {keys.error.message}
        </p>
      ) : (
        <DataTable
          caption="API keys"
          rows={keys.data ?? []}
          columns={columns}
          getRowId={(key) => key.id}
          loading={keys.isPending}
          emptyMessage="No API keys yet."
          initiallyHidden={['createdAt']}
          rowActions={(key) =>
            key.revokedAt ? null : (
              <button
                type="button"
                className="ui-button ui-button--small"
                aria-label={`Revoke ${key.name}`}
                onClick={() => setRevoking(key)}
              >
                Revoke
              </button>
            )
          }
        />
      )}
      {creating ? <CreateApiKeyDialog onClose={() => setCreating(false)} /> : null}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? ''}?`}
        message={<p>Calls made with this key will be refused from now on. This cannot be undone.</p>}
        confirmLabel="Revoke key"
        danger
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
      />
    </>
  );
}
