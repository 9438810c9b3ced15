import type { Table } from '@tanstack/react-table';
import { useEffect, useId, useRef, useState } from 'react';
import { columnLabelOf } from './column-label.js';

/** A "Columns" button opening a list of checkboxes that show or hide the table's hideable columns. */
export function ColumnVisibilityMenu<Row>({ table }: { readonly table: Table<Row> }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [open]);

  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  if (columns.length === 0) return null;
  return (
    <div
      className="ui-menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        type="button"
        ref={buttonRef}
        className="ui-button ui-button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        Columns
      </button>
      <div id={panelId} className="ui-menu__panel" hidden={!open}>
        <fieldset>
          <legend className="ui-visually-hidden">Visible columns</legend>
          {columns.map((column) => (
            <label key={column.id} className="ui-menu__option">
              <input
                type="checkbox"
                checked={column.getIsVisible()}
                onChange={column.getToggleVisibilityHandler()}
              />
              {columnLabelOf(column)}
            </label>
          ))}
        </fieldset>
      </div>
    </div>
  );
}
