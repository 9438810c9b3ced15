import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ModuleStatus, platformPermissions } from '@ulms/platform/contracts';
import { type ColumnDef, ConfirmDialog, DataTable, PageHeader, useToast } from '@ulms/ui';
import { useState } from 'react';
import { useCan } from '../session/session-context.js';
import { useTRPC } from '../trpc/trpc.js';
import { ConfigureModuleDialog } from './configure-module-dialog.js';
import { hasSettings } from './has-settings.js';

type PendingChange = { readonly module: ModuleStatus; readonly enable: boolean };

const columns: ColumnDef<ModuleStatus>[] = [
  {
    id: 'title',
    header: 'Module',
    enableHiding: false,
    cell: ({ row }) => (
      <div className="cell-stack">
        <strong>{row.original.title}</strong>
        <code className="muted">{row.original.id}</code>
      </div>
    ),
  },
  {
    id: 'state',
    header: 'State',
    cell: ({ row }) => (
      <span className={row.original.enabled ? 'badge badge--on' : 'badge badge--off'}>
        {row.original.enabled ? 'Enabled' : 'Disabled'}
      </span>
    ),
  },
  {
    id: 'kind',
    header: 'Kind',
    cell: ({ row }) => (row.original.core ? 'Core (always on)' : 'Optional'),
  },
  {
    id: 'dependsOn',
    header: 'Needs',
    cell: ({ row }) =>
      row.original.dependsOn.length > 0 ? (
        <code>{row.original.dependsOn.join(', ')}</code>
      ) : (
        <span className="muted">—</span>
      ),
  },
];

/** The institution's modules with their state; managers enable, disable and configure them. */
export function ModulesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canManage = useCan(platformPermissions.moduleManage);
  const modules = useQuery(trpc.platform.modules.list.queryOptions());
  const [pending, setPending] = useState<PendingChange | null>(null);
  const [configuring, setConfiguring] = useState<ModuleStatus | null>(null);
  const titleOf = (id: string) => modules.data?.find((module) => module.id === id)?.title ?? id;

  const afterChange = async (message: string) => {
    setPending(null);
    toast.show(message, 'success');
    await Promise.all([
      queryClient.invalidateQueries(trpc.platform.modules.list.queryFilter()),
      queryClient.invalidateQueries(trpc.auth.session.queryFilter()),
    ]);
  };
  const onError = (error: { message: string }) => {
    setPending(null);
    toast.show(error.message, 'error');
  };
  const enable = useMutation(
    trpc.platform.modules.enable.mutationOptions({
      onSuccess: (_data, input) => afterChange(`${titleOf(input.moduleId)} module enabled.`),
      onError,
    }),
  );
  const disable = useMutation(
    trpc.platform.modules.disable.mutationOptions({
      onSuccess: (_data, input) => afterChange(`${titleOf(input.moduleId)} module disabled.`),
      onError,
    }),
  );

  const rowActions = canManage
    ? (module: ModuleStatus) => (
        <>
          {module.core ? null : (
            <button
              type="button"
              className={
                module.enabled ? 'ui-button ui-button--small' : 'ui-button ui-button--small ui-button--primary'
              }
              aria-label={`${module.enabled ? 'Disable' : 'Enable'} ${module.title}`}
              onClick={() => setPending({ module, enable: !module.enabled })}
            >
              {module.enabled ? 'Disable' : 'Enable'}
            </button>
          )}
          {module.enabled && hasSettings(module) ? (
            <button
              type="button"
              className="ui-button ui-button--small"
              aria-label={`Configure ${module.title}`}
              onClick={() => setConfiguring(module)}
            >
              Configure
            </button>
          ) : null}
        </>
      )
    : undefined;

  return (
    <>
      <PageHeader
        title="Modules"
        description="Switch the modules your institution uses on or off, and set their options."
      />
      {modules.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the modules: {modules.error.message}
        </p>
      ) : (
        <DataTable
          caption="Modules"
          rows={modules.data ?? []}
          columns={columns}
          getRowId={(module) => module.id}
          loading={modules.isPending}
          rowActions={rowActions}
        />
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `${pending.enable ? 'Enable' : 'Disable'} ${pending.module.title}?` : ''}
        message={
          pending?.enable ? (
            <p>Staff with the right roles will see this module's screens and its rules will apply.</p>
          ) : (
            <p>Its screens leave the navigation and its procedures refuse calls. Its data is kept.</p>
          )
        }
        confirmLabel={pending?.enable ? 'Enable' : 'Disable'}
        danger={pending ? !pending.enable : false}
        busy={enable.isPending || disable.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (!pending) return;
          const input = { moduleId: pending.module.id };
          if (pending.enable) enable.mutate(input);
          else disable.mutate(input);
        }}
      />
      {configuring ? <ConfigureModuleDialog module={configuring} onClose={() => setConfiguring(null)} /> : null}
    </>
  );
}
