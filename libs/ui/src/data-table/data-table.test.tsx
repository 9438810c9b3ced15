import type { ColumnDef } from '@tanstack/react-table';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from './data-table.js';

interface Patron {
  readonly id: string;
  readonly name: string;
}

const columns: ColumnDef<Patron>[] = [
  { id: 'name', accessorKey: 'name', header: 'Name' },
  { id: 'id', accessorKey: 'id', header: 'Primary ID' },
];
const rows: Patron[] = [
  { id: 'p21', name: 'Ada' },
  { id: 'p22', name: 'Grace' },
];
const ignore = () => undefined;

function render(overrides: Partial<Parameters<typeof DataTable<Patron>>[0]> = {}): string {
  return renderToStaticMarkup(
    <DataTable<Patron>
      caption="Patrons"
      rows={rows}
      columns={columns}
      getRowId={(row) => row.id}
      pagination={{ pageIndex: 1, pageSize: 20, totalRows: 95, onChange: ignore }}
      sorting={{ value: [{ id: 'name', desc: true }], onChange: ignore }}
      selection={{ selectedIds: new Set(['p22', 'p99']), onChange: ignore }}
      rowActions={(row) => <button type="button">Edit {row.name}</button>}
      {...overrides}
    />,
  );
}

describe('DataTable', () => {
  it('shows the server page with its range and page count', () => {
    const html = render();
    expect(html).toContain('Rows 21–40 of 95');
    expect(html).toContain('Page 2 of 5');
    expect(html).toContain('<caption class="ui-visually-hidden">Patrons</caption>');
  });

  it('shows a total the server stopped counting at as a lower bound', () => {
    const html = render({
      pagination: { pageIndex: 1, pageSize: 20, totalRows: 10_000, totalIsLowerBound: true, onChange: ignore },
    });
    expect(html).toContain(`Rows 21–40 of ${(10_000).toLocaleString()}+`);
    expect(html).toContain('Page 2 of 500+');
  });

  it('marks the sorted column for assistive technology', () => {
    expect(render()).toMatch(/<th[^>]*aria-sort="descending"[^>]*><button[^>]*>Name/);
  });

  it('ticks the rows selected by id and counts selections from other pages too', () => {
    const html = render();
    expect(html).toContain('2 selected');
    expect(html).toMatch(/<tr aria-selected="true"><td><input type="checkbox" aria-label="Select row 2" checked=""/);
    expect(html).toMatch(/<tr aria-selected="false"><td><input type="checkbox" aria-label="Select row 1"\/>/);
  });

  it('renders row actions and an empty message', () => {
    expect(render()).toContain('Edit Grace');
    expect(render({ rows: [], emptyMessage: 'No patrons match.' })).toContain('No patrons match.');
  });

  it('hides initially hidden columns but offers a Columns menu', () => {
    const html = render({ initiallyHidden: ['id'] });
    expect(html).not.toMatch(/<th[^>]*><button[^>]*>Primary ID/);
    expect(html).toMatch(/<button[^>]*aria-haspopup="menu"[^>]*>Columns<\/button>/);
  });

  it('shows the columns the caller chose when it holds the choice', () => {
    const html = render({ initiallyHidden: ['id'], columnVisibility: { value: { name: false }, onChange: ignore } });
    expect(html).toMatch(/<th[^>]*><button[^>]*>Primary ID/);
    expect(html).not.toMatch(/<th[^>]*><button[^>]*>Name/);
  });

  it('offers sorting only on columns with an accessor, toggling on the header button', () => {
    const html = render({ columns: [...columns, { id: 'note', header: 'Note', cell: () => 'n' }] });
    expect(html).toMatch(/<th[^>]*><button type="button" class="ui-table__sort">Primary ID/);
    expect(html).toMatch(/<th scope="col">Note<\/th>/);
  });

  it('marks rows that are not yet the current answer as busy, with a visible Loading status', () => {
    expect(render({ loading: true })).toMatch(/<span role="status" class="ui-table__status">Loading…<\/span>/);
    expect(render({ loading: true })).toMatch(/<table class="ui-table" aria-busy="true">/);
    expect(render({ loading: false })).toMatch(/<span role="status" class="ui-table__status"><\/span>/);
  });

  it('draws one-line rows when compact', () => {
    expect(render({ compact: true })).toContain('<table class="ui-table ui-table--compact"');
  });
});
