import { pageSummary } from './table-state.js';

export interface PaginationState {
  readonly pageIndex: number;
  readonly pageSize: number;
}

export interface PaginationBarProps extends PaginationState {
  readonly totalRows: number;
  /** The server stopped counting: the total is at least `totalRows`, shown as "10,000+". */
  readonly totalIsLowerBound?: boolean;
  readonly pageSizes?: readonly number[];
  readonly onChange: (next: PaginationState) => void;
}

/** A count in the browser's locale ("10,000"), with "+" when it is only a lower bound. */
function countText(value: number, lowerBound: boolean | undefined): string {
  return `${value.toLocaleString()}${lowerBound ? '+' : ''}`;
}

/** "Rows 21–40 of 95", the page size and previous/next buttons under a server-paginated table. */
export function PaginationBar(props: PaginationBarProps) {
  const { pageIndex, pageSize, totalRows, totalIsLowerBound, pageSizes = [10, 20, 50, 100], onChange } = props;
  const { from, to, pageCount } = pageSummary(pageIndex, pageSize, totalRows);
  return (
    <nav className="ui-pagination" aria-label="Pagination">
      <span aria-live="polite">
        Rows {from.toLocaleString()}–{to.toLocaleString()} of {countText(totalRows, totalIsLowerBound)}
      </span>
      <label className="ui-pagination__size">
        Rows per page
        <select
          className="ui-input ui-select"
          value={pageSize}
          onChange={(event) => onChange({ pageIndex: 0, pageSize: Number(event.target.value) })}
        >
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="ui-button ui-button--small"
        disabled={pageIndex === 0}
        onClick={() => onChange({ pageIndex: pageIndex - 1, pageSize })}
      >
        Previous
      </button>
      <span>
        Page {(pageIndex + 1).toLocaleString()} of {countText(pageCount, totalIsLowerBound)}
      </span>
      <button
        type="button"
        className="ui-button ui-button--small"
        disabled={pageIndex + 1 >= pageCount}
        onClick={() => onChange({ pageIndex: pageIndex + 1, pageSize })}
      >
        Next
      </button>
    </nav>
  );
}
