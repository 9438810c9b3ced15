import type { Column } from '@tanstack/react-table';

/** A column's name in words: its string header, or its id when the header is rendered. */
export function columnLabelOf<Row>(column: Column<Row, unknown>): string {
  const header = column.columnDef.header;
  return typeof header === 'string' ? header : column.id;
}
