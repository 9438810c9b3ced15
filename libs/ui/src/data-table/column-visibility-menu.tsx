import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { Table } from '@tanstack/react-table';
import { columnLabelOf } from './column-label.js';

/** A "Columns" menu (Radix DropdownMenu) of checkbox items that show or hide the table's hideable columns. */
export function ColumnVisibilityMenu<Row>({ table }: { readonly table: Table<Row> }) {
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  if (columns.length === 0) return null;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="ui-button ui-button--small">Columns</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="ui-menu__content" align="end" sideOffset={4} aria-label="Visible columns">
          {columns.map((column) => (
            <DropdownMenu.CheckboxItem
              key={column.id}
              className="ui-menu__item ui-menu__option"
              checked={column.getIsVisible()}
              onCheckedChange={(checked) => column.toggleVisibility(checked)}
              // Several columns are often chosen in a row: the menu stays open.
              onSelect={(event) => event.preventDefault()}
            >
              <span className="ui-menu__check" aria-hidden="true">
                {column.getIsVisible() ? '✓' : ''}
              </span>
              {columnLabelOf(column)}
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
