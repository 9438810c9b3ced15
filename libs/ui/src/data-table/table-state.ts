/**
 * The selection after a change on one page: ids of other pages are kept, this page's ids are
 * replaced by what is now ticked on it.
 */
export function mergePageSelection(
  selected: ReadonlySet<string>,
  pageIds: readonly string[],
  tickedOnPage: Readonly<Record<string, boolean>>,
): Set<string> {
  const next = new Set(selected);
  for (const id of pageIds) {
    if (tickedOnPage[id]) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** The selection of one page in the shape TanStack Table keeps it. */
export function pageSelectionOf(selected: ReadonlySet<string>, pageIds: readonly string[]): Record<string, boolean> {
  const state: Record<string, boolean> = {};
  for (const id of pageIds) if (selected.has(id)) state[id] = true;
  return state;
}

export interface PageSummary {
  readonly from: number;
  readonly to: number;
  readonly pageCount: number;
}

/** One-based row range and page count for "Rows 21–40 of 95". */
export function pageSummary(pageIndex: number, pageSize: number, totalRows: number): PageSummary {
  const pageCount = Math.max(1, Math.ceil(totalRows / pageSize));
  if (totalRows === 0) return { from: 0, to: 0, pageCount };
  const from = pageIndex * pageSize + 1;
  return { from, to: Math.min(totalRows, from + pageSize - 1), pageCount };
}
