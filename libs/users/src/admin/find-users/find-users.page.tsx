import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DataTable, Link, PageHeader, type SortingState, useLocation, useNavigate } from '@ulms/ui';
import { type UserListPage, usersPermissions, type UserListRow } from '@ulms/users/contracts';
import { useCallback, useId, useMemo, useState } from 'react';
import { useDeleteUser } from '../delete-user/use-delete-user.js';
import { TabList } from '../shared/tab-list.js';
import { addUserLink, userDetailsLink, usersPaths } from '../shared/users-paths.js';
import { useCan, useUsersTrpc } from '../users-admin-context.js';
import { queryOfSearch, searchFromQuery, searchInputOf, type SearchState, type SortBy, type Tab } from './search-state.js';
import { BulkEditDialog } from './bulk-edit-dialog.js';
import { UserFilters } from './user-filters.js';
import { userListColumns } from './user-list-columns.js';
import { UserSearchForm } from './user-search-form.js';

const tabs: { value: Tab; label: string }[] = [
  { value: 'ALL', label: 'All' },
  { value: 'STAFF', label: 'Staff' },
  { value: 'PUBLIC', label: 'Public' },
  { value: 'CONTACT', label: 'Contact' },
];

const rowId = (row: UserListRow) => row.id;

/** Find and Manage Users: search, tabs by record type, filters, and the paged, sortable list. */
export function FindUsersPage() {
  const trpc = useUsersTrpc();
  const navigate = useNavigate();
  const searchText = useLocation({ select: (location) => location.searchStr });
  const query = useMemo(() => new URLSearchParams(searchText), [searchText]);
  const panelId = useId();
  const canCreate = useCan(usersPermissions.userCreate);
  const canUpdate = useCan(usersPermissions.userUpdate);
  const canDelete = useCan(usersPermissions.userDelete);
  const deleter = useDeleteUser();
  const [bulkEditing, setBulkEditing] = useState(false);
  const state = useMemo(() => searchFromQuery(query), [query]);
  const result = useQuery(trpc.users.search.queryOptions(searchInputOf(state), { placeholderData: keepPreviousData }));

  const go = useCallback(
    (patch: Partial<SearchState>) => void navigate({ href: `${usersPaths.find}${queryOfSearch({ ...state, page: 0, ...patch })}` }),
    [state, navigate],
  );
  // Keyed by content, so a refetch with the same contributed columns keeps the column objects.
  const extraKey = JSON.stringify(result.data?.columns ?? []);
  const columns = useMemo(() => userListColumns(state.tab, JSON.parse(extraKey) as UserListPage['columns']), [state.tab, extraKey]);
  const sorting: SortingState = [{ id: state.sortBy, desc: state.sortDirection === 'desc' }];
  const total = result.data?.total ?? 0;
  const totalText = `${total.toLocaleString()}${result.data?.totalIsLowerBound ? '+' : ''}`;

  return (
    <>
      <PageHeader
        title="Find and Manage Users"
        actions={
          canCreate || canUpdate ? (
            <>
              {canUpdate ? (
                <button type="button" className="ui-button" disabled={!result.data || total === 0} onClick={() => setBulkEditing(true)}>
                  Bulk edit
                </button>
              ) : null}
              {canCreate ? (
                <Link {...addUserLink(state.tab === 'ALL' ? undefined : state.tab)} className="ui-button ui-button--primary">
                  Add user
                </Link>
              ) : null}
            </>
          ) : null
        }
      />
      <div className="panel users-search-panel">
        <UserSearchForm state={state} onSearch={(text, searchBy) => go({ query: text, searchBy })} />
        <UserFilters state={state} onChange={go} />
      </div>
      <TabList label="Record type" tabs={tabs} selected={state.tab} onSelect={(tab) => go({ tab })} panelId={panelId} />
      <div id={panelId} role="tabpanel" aria-label={`${tabs.find((t) => t.value === state.tab)?.label ?? ''} users`}>
        {result.isError ? (
          <p className="ui-form-error" role="alert">
            Could not search the users: {result.error.message}
          </p>
        ) : (
          <DataTable
            caption="Users"
            rows={result.data?.rows ?? []}
            columns={columns}
            getRowId={rowId}
            loading={result.isFetching}
            emptyMessage={state.query ? 'No users match this search.' : 'No users yet.'}
            initiallyHidden={['primaryId']}
            pagination={{
              pageIndex: state.page,
              pageSize: state.pageSize,
              totalRows: total,
              totalIsLowerBound: result.data?.totalIsLowerBound ?? false,
              onChange: (next) => go({ page: next.pageIndex, pageSize: next.pageSize }),
            }}
            sorting={{
              value: sorting,
              onChange: (next) => {
                const first = next[0];
                go({ sortBy: (first?.id ?? 'name') as SortBy, sortDirection: first?.desc ? 'desc' : 'asc' });
              },
            }}
            rowActions={(row) => (
              <>
                <Link
                  {...userDetailsLink(row.id)}
                  className="ui-button ui-button--small"
                  aria-label={`${canUpdate ? 'Edit' : 'View'} ${row.fullName || row.primaryId}`}
                >
                  {canUpdate ? 'Edit' : 'View'}
                </Link>
                {canDelete ? (
                  <button
                    type="button"
                    className="ui-button ui-button--small"
                    aria-label={`Delete ${row.fullName || row.primaryId}`}
                    disabled={deleter.checking}
                    onClick={() => deleter.start({ id: row.id, name: row.fullName || row.primaryId })}
                  >
                    Delete
                  </button>
                ) : null}
              </>
            )}
          />
        )}
      </div>
      {deleter.dialogs}
      {bulkEditing ? <BulkEditDialog search={state} matchedText={totalText} onClose={() => setBulkEditing(false)} /> : null}
    </>
  );
}
