import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type SortingState,
  type Updater,
  useReactTable,
  type VisibilityState,
} from '@tanstack/react-table';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { ColumnVisibilityMenu } from './column-visibility-menu.js';
import { PaginationBar, type PaginationState } from './pagination-bar.js';
import { selectionColumn } from './selection-column.js';
import { mergePageSelection, pageSelectionOf } from './table-state.js';

export interface DataTableProps<Row> {
  /** Names the table for assistive technology. */
  readonly caption: string;
  /** The rows of the current page as the server returned them. */
  readonly rows: readonly Row[];
  /** Keep the array stable (module constant or useMemo): new column objects remount every cell. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's column values are heterogeneous
  readonly columns: readonly ColumnDef<Row, any>[];
  readonly getRowId: (row: Row) => string;
  /** The rows shown are not (yet) the answer to the current query: they are dimmed and "Loading…" shows. */
  readonly loading?: boolean;
  readonly emptyMessage?: ReactNode;
  /** Server-side pagination; without it every row is shown. */
  readonly pagination?: PaginationState & {
    readonly totalRows: number;
    /** The total is a lower bound (the server stopped counting); shown with a "+". */
    readonly totalIsLowerBound?: boolean;
    readonly onChange: (next: PaginationState) => void;
  };
  /** Server-side sorting; without it the headers are not sortable. */
  readonly sorting?: { readonly value: SortingState; readonly onChange: (next: SortingState) => void };
  /** Selected row ids held by the caller, so the selection survives page changes. */
  readonly selection?: { readonly selectedIds: ReadonlySet<string>; readonly onChange: (ids: Set<string>) => void };
  /** Buttons for one row, rendered in a last "Actions" column. */
  readonly rowActions?: (row: Row) => ReactNode;
  /** Columns hidden at first; the Columns menu can show them. */
  readonly initiallyHidden?: readonly string[];
  /** Which columns show, held by the caller (to remember it); without it the table keeps its own. */
  readonly columnVisibility?: { readonly value: VisibilityState; readonly onChange: (next: VisibilityState) => void };
  /** One line per row with tighter padding, for long lists. */
  readonly compact?: boolean;
}

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;
}

/** A table on TanStack Table with manual pagination and sorting, a Columns menu, row actions and selection. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const {
    caption,
    rows,
    getRowId,
    loading,
    emptyMessage = 'Nothing to show.',
    pagination,
    sorting,
    selection,
    rowActions,
  } = props;
  const [ownColumnVisibility, setOwnColumnVisibility] = useState<VisibilityState>(() =>
    Object.fromEntries((props.initiallyHidden ?? []).map((id) => [id, false])),
  );
  const columnVisibility = props.columnVisibility?.value ?? ownColumnVisibility;
  const onColumnVisibilityChange = props.columnVisibility?.onChange ?? setOwnColumnVisibility;

  // Cells are components to TanStack: a new cell function would remount the row's buttons and lose focus,
  // so the actions column stays the same and reads the latest callback from a ref.
  const rowActionsRef = useRef(rowActions);
  rowActionsRef.current = rowActions;
  const selectable = Boolean(selection);
  const hasActions = Boolean(rowActions);
  const columns = useMemo(() => {
    const all = [...props.columns];
    if (selectable) all.unshift(selectionColumn<Row>());
    if (hasActions) {
      all.push({
        id: 'actions',
        header: () => <span className="ui-table__actions-header">Actions</span>,
        enableHiding: false,
        enableSorting: false,
        cell: ({ row }) => <div className="ui-table__actions">{rowActionsRef.current?.(row.original)}</div>,
      });
    }
    return all;
  }, [props.columns, selectable, hasActions]);

  const pageIds = useMemo(() => rows.map(getRowId), [rows, getRowId]);
  const rowSelection = useMemo(
    () => (selection ? pageSelectionOf(selection.selectedIds, pageIds) : {}),
    [selection, pageIds],
  );

  const table = useReactTable<Row>({
    data: rows as Row[],
    columns,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    enableSorting: Boolean(sorting),
    enableMultiSort: false,
    // A header toggles between ascending and descending; the list always has an order.
    enableSortingRemoval: false,
    enableRowSelection: Boolean(selection),
    rowCount: pagination?.totalRows ?? rows.length,
    state: {
      columnVisibility,
      rowSelection,
      sorting: sorting?.value ?? [],
      pagination: pagination
        ? { pageIndex: pagination.pageIndex, pageSize: pagination.pageSize }
        : { pageIndex: 0, pageSize: Math.max(rows.length, 1) },
    },
    onColumnVisibilityChange: (updater) => onColumnVisibilityChange(resolve(updater, columnVisibility)),
    onSortingChange: (updater) => sorting?.onChange(resolve(updater, sorting.value)),
    onRowSelectionChange: (updater) => {
      if (!selection) return;
      selection.onChange(mergePageSelection(selection.selectedIds, pageIds, resolve(updater, rowSelection)));
    },
  });

  const visibleColumnCount = table.getVisibleLeafColumns().length;
  return (
    <div className={props.compact ? 'ui-table-wrap ui-table-wrap--compact' : 'ui-table-wrap'}>
      <div className="ui-table__toolbar">
        {selection ? <span aria-live="polite">{selection.selectedIds.size} selected</span> : <span />}
        <span role="status" className="ui-table__status">
          {loading ? 'Loading…' : ''}
        </span>
        <ColumnVisibilityMenu table={table} />
      </div>
      <div className="ui-table__scroll">
        <table className={props.compact ? 'ui-table ui-table--compact' : 'ui-table'} aria-busy={loading}>
          <caption className="ui-visually-hidden">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const content = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className="ui-table__sort"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {content}
                          <span
                            aria-hidden="true"
                            className={sorted ? 'ui-table__sort-mark' : 'ui-table__sort-mark ui-table__sort-mark--none'}
                          >
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={visibleColumnCount} className="ui-table__empty">
                  {loading ? 'Loading…' : emptyMessage}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} aria-selected={selection ? row.getIsSelected() : undefined}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {pagination ? (
        <PaginationBar
          pageIndex={pagination.pageIndex}
          pageSize={pagination.pageSize}
          totalRows={pagination.totalRows}
          totalIsLowerBound={pagination.totalIsLowerBound}
          onChange={pagination.onChange}
        />
      ) : null}
    </div>
  );
}
