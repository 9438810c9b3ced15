import type { EnrolmentField, ImportMappingDto, SaveImportMappingInput } from '@ulms/courses/contracts';

export type Delimiter = NonNullable<SaveImportMappingInput['delimiter']>;

/** The mapping as the form holds it: a field not chosen yet is empty, for the server to refuse under it. */
export interface EnrolmentMappingFormValues {
  delimiter: Delimiter;
  columns: { column: string; field: EnrolmentField | '' }[];
}

export const delimiterOptions: readonly { readonly value: Delimiter; readonly label: string }[] = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Vertical bar (|)' },
];

export function formValuesOf(mapping: ImportMappingDto): EnrolmentMappingFormValues {
  return {
    delimiter: mapping.delimiter as Delimiter,
    columns: mapping.columns.map((c) => ({ column: c.column, field: c.field })),
  };
}

export function saveInputOf(values: EnrolmentMappingFormValues, version: number): SaveImportMappingInput {
  return {
    delimiter: values.delimiter,
    columns: values.columns.map((c) => ({ column: c.column, field: c.field as EnrolmentField })),
    version,
  };
}

/** The server's path of an error → the form's: the mapping's own rules (`columns`) go to the table as a whole. */
export const formPathOf = (serverPath: string): string => (serverPath === 'columns' ? 'columns.root' : serverPath);

/** A label for a field path of the form, for the summary at its top. */
export function labelOf(path: string): string {
  const row = /^columns\.(\d+)\.(column|field)$/.exec(path);
  if (row) return `Row ${Number(row[1]) + 1}, ${row[2] === 'column' ? 'CSV column' : 'enrolment field'}`;
  if (path === 'delimiter') return 'Delimiter';
  if (path === 'columns.root' || path === 'columns') return 'Columns';
  return path;
}
