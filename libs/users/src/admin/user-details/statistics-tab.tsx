import { useMutation, useQuery } from '@tanstack/react-query';
import { type ColumnDef, ConfirmDialog, DataTable, useToast } from '@ulms/ui';
import type { StatisticDto, UserDto } from '@ulms/users/contracts';
import { useMemo, useState } from 'react';
import { CodeLabel } from '../shared/code-label.js';
import { CreatedCell, SegmentBadge } from '../shared/created-cell.js';
import { useOwnerLibraries } from '../shared/use-owner-libraries.js';
import { useUsersTrpc } from '../users-admin-context.js';
import { StatisticDialog } from './statistic-dialog.js';
import { useRefreshUser } from './use-refresh-user.js';

function statisticColumns(withOwner: boolean): ColumnDef<StatisticDto>[] {
  return [
    {
      id: 'categoryType',
      header: 'Category type',
      enableHiding: false,
      cell: ({ row }) => <CodeLabel table="STATISTIC_CATEGORY_TYPE" code={row.original.categoryType} />,
    },
    {
      id: 'category',
      header: 'Category',
      cell: ({ row }) => <CodeLabel table="STATISTIC_CATEGORY" code={row.original.category} />,
    },
    { id: 'note', header: 'Note', cell: ({ row }) => row.original.note ?? <span className="muted">—</span> },
    ...(withOwner
      ? [
          {
            id: 'owner',
            header: 'Owner',
            cell: ({ row }) => row.original.ownerLibrary ?? <span className="muted">Institution</span>,
          } satisfies ColumnDef<StatisticDto>,
        ]
      : []),
    { id: 'segment', header: 'Source', cell: ({ row }) => <SegmentBadge segmentType={row.original.segmentType} /> },
    {
      id: 'created',
      header: 'Created',
      cell: ({ row }) => <CreatedCell by={row.original.createdBy} at={row.original.createdAt} />,
    },
  ];
}

/** Statistics: the statistical categories the user belongs to, for reporting. */
export function StatisticsTab({ user, canEdit }: { readonly user: UserDto; readonly canEdit: boolean }) {
  const trpc = useUsersTrpc();
  const toast = useToast();
  const owners = useOwnerLibraries();
  const refresh = useRefreshUser(user.id);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<StatisticDto | null>(null);
  const statistics = useQuery(trpc.users.statistics.list.queryOptions({ userId: user.id }));
  const columns = useMemo(() => statisticColumns(owners.enabled), [owners.enabled]);
  const remove = useMutation(
    trpc.users.statistics.remove.mutationOptions({
      onSuccess: async () => {
        toast.show('Statistic removed.', 'success');
        setRemoving(null);
        await refresh();
      },
      onError: (error) => toast.show(error.message, 'error'),
    }),
  );
  const mayRemove = (statistic: StatisticDto) =>
    canEdit && !(user.accountType === 'EXTERNAL' && statistic.segmentType === 'EXTERNAL');

  return (
    <section className="users-part" aria-labelledby="users-statistics-title">
      <div className="users-section-header">
        <h2 id="users-statistics-title">Statistics</h2>
        {canEdit ? (
          <button type="button" className="ui-button ui-button--small" onClick={() => setAdding(true)}>
            Add statistic
          </button>
        ) : null}
      </div>
      {statistics.isError ? (
        <p className="ui-form-error" role="alert">
          Could not load the statistics: {statistics.error.message}
        </p>
      ) : (
        <DataTable
          caption="Statistics"
          rows={statistics.data ?? []}
          columns={columns}
          getRowId={(statistic) => statistic.id}
          loading={statistics.isPending}
          emptyMessage="No statistics."
          rowActions={(statistic) =>
            mayRemove(statistic) ? (
              <button
                type="button"
                className="ui-button ui-button--small"
                aria-label={`Remove statistic ${statistic.categoryType} ${statistic.category}`}
                onClick={() => setRemoving(statistic)}
              >
                Remove
              </button>
            ) : null
          }
        />
      )}
      {adding ? (
        <StatisticDialog user={user} owners={owners} onAdded={refresh} onClose={() => setAdding(false)} />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this statistic?"
        message={
          removing ? (
            <p>
              <CodeLabel table="STATISTIC_CATEGORY_TYPE" code={removing.categoryType} />:{' '}
              <CodeLabel table="STATISTIC_CATEGORY" code={removing.category} />
            </p>
          ) : null
        }
        confirmLabel="Remove statistic"
        danger
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ userId: user.id, id: removing.id })}
      />
    </section>
  );
}
