import { useMutation, useQuery } from '@tanstack/react-query';
import { type BuiltInRole, builtInRoles, platformPermissions } from '@ulms/platform/contracts';
import { type ColumnDef, ConfirmDialog, DataTable, useToast } from '@ulms/ui';
import { grantsNow, isoToday, type RoleDto, type UserDto, usersPermissions } from '@ulms/users/contracts';
import { useMemo, useState } from 'react';
import { formatDate } from '../shared/format.js';
import { useCan, useUsersTrpc } from '../users-admin-context.js';
import { RoleDialog } from './role-dialog.js';
import { useRefreshUser } from './use-refresh-user.js';

const roleName = (role: string) => builtInRoles[role as BuiltInRole] ?? role;

/** Why a role grants nothing now, or null when it does. */
function notGranting(role: RoleDto, user: UserDto, today: string): string | null {
  if (grantsNow(role, user, today)) return null;
  if (role.status !== 'ACTIVE') return 'the role is inactive';
  if (role.expiryDate && role.expiryDate < today) return 'the role has expired';
  return user.status !== 'ACTIVE' ? 'the user is inactive' : 'the user has expired';
}

function roleColumns(user: UserDto, libraryName: (code: string) => string): ColumnDef<RoleDto>[] {
  const today = isoToday();
  return [
    { id: 'role', header: 'Role', enableHiding: false, cell: ({ row }) => roleName(row.original.role) },
    {
      id: 'scope',
      header: 'Scope',
      cell: ({ row }) => (row.original.scope ? libraryName(row.original.scope) : 'Institution'),
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row }) =>
        row.original.status === 'ACTIVE' ? (
          <span className="badge badge--on">Active</span>
        ) : (
          <span className="badge users-badge--inactive">Inactive</span>
        ),
    },
    {
      id: 'expiryDate',
      header: 'Expiry date',
      cell: ({ row }) =>
        row.original.expiryDate ? formatDate(row.original.expiryDate) : <span className="muted">None</span>,
    },
    {
      id: 'grants',
      header: 'Grants now',
      cell: ({ row }) => {
        const reason = notGranting(row.original, user, today);
        return reason ? <span className="muted">No: {reason}</span> : 'Yes';
      },
    },
  ];
}

/** Roles: the one place roles are granted. Each change is saved at once, with a History entry. */
export function RolesTab({ user }: { readonly user: UserDto }) {
  const trpc = useUsersTrpc();
  const toast = useToast();
  const refresh = useRefreshUser(user.id);
  const canManage = useCan(usersPermissions.roleManage);
  const canReadLibraries = useCan(platformPermissions.libraryRead);
  const libraries = useQuery(trpc.platform.libraries.list.queryOptions(undefined, { enabled: canReadLibraries }));
  const [editing, setEditing] = useState<RoleDto | 'new' | null>(null);
  const [removing, setRemoving] = useState<RoleDto | null>(null);
  const libraryOptions = useMemo(
    () =>
      (libraries.data ?? []).map((library) => ({ value: library.code, label: `${library.name} (${library.code})` })),
    [libraries.data],
  );
  const columns = useMemo(() => {
    const names = new Map(libraryOptions.map((o) => [o.value, o.label]));
    return roleColumns(user, (code) => names.get(code) ?? code);
  }, [user, libraryOptions]);
  const onError = (error: { message: string }) => toast.show(error.message, 'error');
  const remove = useMutation(
    trpc.users.roles.remove.mutationOptions({
      onSuccess: async () => {
        toast.show('Role removed.', 'success');
        setRemoving(null);
        await refresh();
      },
      onError: (error) => {
        setRemoving(null);
        onError(error);
      },
    }),
  );
  const recalculate = useMutation(
    trpc.users.roles.recalculate.mutationOptions({
      onSuccess: async (saved) => {
        const added = saved.roles.length - user.roles.length;
        toast.show(added > 0 ? `Roles recalculated: ${added} added.` : 'Roles recalculated: no change.', 'success');
        await refresh();
      },
      onError,
    }),
  );

  return (
    <section className="users-part" aria-labelledby="users-roles-title">
      <div className="users-section-header">
        <h2 id="users-roles-title">Roles</h2>
        {canManage ? (
          <div className="users-section-actions">
            <button
              type="button"
              className="ui-button ui-button--small"
              disabled={recalculate.isPending}
              title="Apply the institution's role assignment rules to this user again"
              onClick={() => recalculate.mutate({ userId: user.id, version: user.version })}
            >
              {recalculate.isPending ? 'Recalculating…' : 'Recalculate roles'}
            </button>
            <button type="button" className="ui-button ui-button--small" onClick={() => setEditing('new')}>
              Add role
            </button>
          </div>
        ) : null}
      </div>
      <DataTable
        caption="Roles"
        rows={user.roles}
        columns={columns}
        getRowId={(role) => role.id}
        emptyMessage="No roles: this user can do nothing in the staff app or the APIs."
        rowActions={(role) =>
          canManage ? (
            <>
              <button
                type="button"
                className="ui-button ui-button--small"
                aria-label={`Edit role ${roleName(role.role)}`}
                onClick={() => setEditing(role)}
              >
                Edit
              </button>
              <button
                type="button"
                className="ui-button ui-button--small"
                aria-label={`Remove role ${roleName(role.role)}`}
                onClick={() => setRemoving(role)}
              >
                Remove
              </button>
            </>
          ) : null
        }
      />
      {editing ? (
        <RoleDialog
          key={editing === 'new' ? 'new' : editing.id}
          user={user}
          libraries={libraryOptions}
          role={editing === 'new' ? null : editing}
          onSaved={refresh}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this role?"
        message={
          removing ? (
            <p>
              {roleName(removing.role)} ({removing.scope ?? 'Institution'}). The user loses its permissions at their
              next request.
            </p>
          ) : null
        }
        confirmLabel="Remove role"
        danger
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ userId: user.id, id: removing.id, version: user.version })}
      />
    </section>
  );
}
