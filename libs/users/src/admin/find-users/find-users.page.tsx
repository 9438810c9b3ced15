import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  ActionsMenu,
  ActionsMenuItem,
  DataTable,
  useAdminExtensions,
  errorCodeOf,
  fieldErrorsOf,
  formMessageOf,
  Link,
  PageHeader,
  type SortingState,
  useNavigate,
  useRouteSearch,
} from '@ulms/ui';
import {
  type FindUsersPreferences,
  type UserListPage,
  usersAdminExtensionPoints,
  usersPermissions,
  type UserListRow,
} from '@ulms/users/contracts';
import { useCallback, useId, useMemo, useState } from 'react';
import { useDeleteUser } from '../delete-user/use-delete-user.js';
import { TabList } from '../shared/tab-list.js';
import { addUserLink, userDetailsLink, usersPaths } from '../shared/users-paths.js';
import { useCan, useUsersTrpc } from '../users-admin-context.js';
import { BulkEditDialog } from './bulk-edit-dialog.js';
import { filterErrorKey, useContributedFilters } from './contributed-filter-fields.js';
import { ContributedFilters } from './contributed-filters.js';
import { ContributedSearchActions } from './contributed-search-actions.js';
import { NoMatchMessage } from './no-match-message.js';
import {
  filtersOf,
  findUsersSearch,
  paramsOfSearch,
  searchFromParams,
  searchInputOf,
  type SearchState,
  type SortBy,
  type Tab,
} from './search-state.js';
import { useFindUsersPreferences } from './use-find-users-preferences.js';
import './find-users.css';
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
const nameOf = (row: UserListRow) => row.fullName || row.primaryId;
const everyone: Partial<SearchState> = { query: '', tab: 'ALL', account: 'ALL', role: '', status: 'ALL', filters: {} };
// Optional until a staff member shows them: the list fits a desk screen without scrolling sideways.
const hiddenByDefault = { accountType: false, jobCategory: false };

function searchErrorText(error: unknown): string {
  // No tRPC code: the request never got an answer (offline, the server down, a proxy in between).
  if (!errorCodeOf(error)) return 'The server could not be reached.';
  return error instanceof Error ? error.message : 'The search failed.';
}

/** Find and Manage Users: search, tabs by record type, filters, and the paged, sortable list. */
export function FindUsersPage() {
  const trpc = useUsersTrpc();
  const navigate = useNavigate();
  const params = useRouteSearch(findUsersSearch);
  const preferences = useFindUsersPreferences();
  const panelId = useId();
  const canCreate = useCan(usersPermissions.userCreate);
  const canUpdate = useCan(usersPermissions.userUpdate);
  const canDelete = useCan(usersPermissions.userDelete);
  const deleter = useDeleteUser();
  const [bulkEditing, setBulkEditing] = useState(false);
  const searchActions = useAdminExtensions(usersAdminExtensionPoints.findUsersActions);
  const state = useMemo(() => searchFromParams(params, preferences.pageSize), [params, preferences.pageSize]);
  // Only the other modules' columns on show are computed: a hidden Fines or Blocks column costs the search nothing.
  const shownExtras = useMemo(
    () =>
      Object.entries(preferences.columnVisibility)
        .filter(([id, shown]) => shown && id.startsWith('extra:'))
        .map(([id]) => id.slice('extra:'.length))
        .sort(),
    [preferences.columnVisibility],
  );
  const result = useQuery({
    ...trpc.users.search.queryOptions(
      { ...searchInputOf(state), columns: shownExtras },
      { placeholderData: keepPreviousData },
    ),
    // Without a page size in the address, wait for the preferred one rather than asking twice.
    enabled: preferences.ready || params.size !== undefined,
  });
  // Rows kept from the previous search while this one loads: shown dimmed under "Loading…", never as its answer.
  const loading = result.isPending || (result.isFetching && result.isPlaceholderData);
  const contributedFilters = useContributedFilters(result.data?.filters, state.filters);
  const searchErrors = fieldErrorsOf(result.error);
  // A refused filter value is explained under its field, and the list stays in place, empty.
  const filterRefused =
    result.isError &&
    formMessageOf(
      result.error,
      contributedFilters.map((filter) => filterErrorKey(filter.id)),
    ) === null;

  const go = useCallback(
    (patch: Partial<SearchState>) =>
      void navigate({
        to: usersPaths.find,
        search: paramsOfSearch({ ...state, page: 0, ...patch }, preferences.pageSize),
      }),
    [state, navigate, preferences.pageSize],
  );
  // Keyed by content, so a refetch with the same contributed columns keeps the column objects.
  const extraKey = JSON.stringify(result.data?.columns ?? []);
  const columns = useMemo(
    () => userListColumns(state.tab, JSON.parse(extraKey) as UserListPage['columns']),
    [state.tab, extraKey],
  );
  // Other modules' columns are offered in the Columns menu and shown once a staff member picks them.
  const columnVisibility = useMemo(
    () => ({
      ...hiddenByDefault,
      ...Object.fromEntries(columns.filter((c) => c.id?.startsWith('extra:')).map((c) => [c.id, false])),
      ...preferences.columnVisibility,
    }),
    [columns, preferences.columnVisibility],
  );
  const sorting: SortingState = [{ id: state.sortBy, desc: state.sortDirection === 'desc' }];
  const total = result.data?.total ?? 0;
  const totalText = `${total.toLocaleString()}${result.data?.totalIsLowerBound ? '+' : ''}`;

  return (
    <div className="users-find">
      <PageHeader
        title="Find and Manage Users"
        actions={
          canCreate || canUpdate || searchActions.length > 0 ? (
            <>
              <ContributedSearchActions
                actions={searchActions}
                search={filtersOf(state)}
                matchedText={totalText}
                disabled={!result.data || loading || total === 0}
              />
              {canUpdate ? (
                <button
                  type="button"
                  className="ui-button"
                  disabled={!result.data || loading || total === 0}
                  onClick={() => setBulkEditing(true)}
                >
                  Bulk edit
                </button>
              ) : null}
              {canCreate ? (
                <Link
                  {...addUserLink(state.tab === 'ALL' ? undefined : state.tab)}
                  className="ui-button ui-button--primary"
                >
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
      <div className="users-find__tab-row">
        <TabList
          label="Record type"
          tabs={tabs}
          selected={state.tab}
          onSelect={(tab) => go({ tab })}
          panelId={panelId}
        />
        <ContributedFilters
          fields={contributedFilters}
          filters={state.filters}
          errors={searchErrors}
          onChange={(filters) => go({ filters })}
        />
      </div>
      <div id={panelId} role="tabpanel" aria-label={`${tabs.find((t) => t.value === state.tab)?.label ?? ''} users`}>
        {result.isError && !filterRefused ? (
          <div className="ui-form-error users-search-error" role="alert">
            <p>Could not search the users: {searchErrorText(result.error)}</p>
            <button
              type="button"
              className="ui-button ui-button--small"
              disabled={result.isFetching}
              onClick={() => void result.refetch()}
            >
              {result.isFetching ? 'Retrying…' : 'Retry'}
            </button>
          </div>
        ) : (
          <DataTable
            caption="Users"
            compact
            rows={result.data?.rows ?? []}
            columns={columns}
            getRowId={rowId}
            loading={loading}
            emptyMessage={
              filterRefused ? (
                'Correct the filter above to see users.'
              ) : (
                <NoMatchMessage state={state} onClear={() => go(everyone)} />
              )
            }
            columnVisibility={{
              value: columnVisibility,
              onChange: (next) => preferences.save({ columnVisibility: next }),
            }}
            pagination={{
              pageIndex: state.page,
              pageSize: state.pageSize,
              totalRows: total,
              totalIsLowerBound: result.data?.totalIsLowerBound ?? false,
              onChange: (next) => {
                if (next.pageSize === state.pageSize) return go({ page: next.pageIndex });
                // A new page size becomes the preferred one: remembered, and so left out of the address.
                const pageSize = next.pageSize as FindUsersPreferences['pageSize'];
                preferences.save({ pageSize });
                void navigate({
                  to: usersPaths.find,
                  search: paramsOfSearch({ ...state, page: 0, pageSize }, pageSize),
                });
              },
            }}
            sorting={{
              value: sorting,
              onChange: (next) => {
                const first = next[0];
                go({ sortBy: (first?.id ?? 'name') as SortBy, sortDirection: first?.desc ? 'desc' : 'asc' });
              },
            }}
            rowActions={(row) => (
              <ActionsMenu label={`Actions for ${nameOf(row)}`}>
                <ActionsMenuItem asChild>
                  <Link {...userDetailsLink(row.id)}>{canUpdate ? 'Edit' : 'View'}</Link>
                </ActionsMenuItem>
                {canDelete ? (
                  <ActionsMenuItem
                    danger
                    disabled={deleter.checking}
                    onSelect={() => deleter.start({ id: row.id, name: nameOf(row) })}
                  >
                    Delete
                  </ActionsMenuItem>
                ) : null}
              </ActionsMenu>
            )}
          />
        )}
      </div>
      {deleter.dialogs}
      {bulkEditing ? (
        <BulkEditDialog search={state} matchedText={totalText} onClose={() => setBulkEditing(false)} />
      ) : null}
    </div>
  );
}
