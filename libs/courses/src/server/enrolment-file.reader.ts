import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { isJsonLines, jsonLineRecords, jsonListRecords, type JsonRecord } from '@ulms/platform';
import type { ImportMappingDto } from '../contracts/course-import.dto.js';
import { type EnrolmentRow, enrolmentFields } from '../contracts/enrolment-fields.js';

/** One row of an enrolment file, or why it could not be read. */
export type EnrolmentSourceRow =
  | { readonly row: EnrolmentRow; readonly error?: undefined }
  | { readonly row?: undefined; readonly error: string };

/** What an import reads. */
export interface EnrolmentFile {
  readonly path: string;
  readonly fileName: string;
  readonly format: 'csv' | 'json';
  readonly mapping: ImportMappingDto;
  readonly signal?: AbortSignal;
}

/** The rows of an enrolment file, one at a time as the file is read, so that memory stays flat. */
export function enrolmentRows(file: EnrolmentFile): AsyncGenerator<EnrolmentSourceRow> {
  return file.format === 'csv' ? csvRows(file) : jsonRows(file);
}

/**
 * Where each mapped column is in the header. A file may leave out the optional fields' columns; one without a
 * column for course_code or user_primary_id cannot be read.
 */
function cellsOf(header: readonly string[], file: EnrolmentFile) {
  return file.mapping.columns.flatMap(({ column, field }) => {
    const index = header.indexOf(column);
    if (index >= 0) return [{ index, field }];
    if (field === 'course_code' || field === 'user_primary_id')
      throw new Error(`column "${column}" (${field}) of the mapping is not in the header of ${file.fileName}`);
    return [];
  });
}

async function* csvRows(file: EnrolmentFile): AsyncGenerator<EnrolmentSourceRow> {
  const options = { delimiter: file.mapping.delimiter, bom: true, trim: true, relax_column_count: true };
  const rows = pipeline(createReadStream(file.path), parse({ ...options, skip_empty_lines: true }), () => undefined);
  let cells: { index: number; field: keyof typeof enrolmentFields }[] | undefined;
  let width = 0;
  let number = 0;
  try {
    for await (const row of rows as AsyncIterable<string[]>) {
      file.signal?.throwIfAborted();
      number++;
      if (!cells) {
        width = row.length;
        cells = cellsOf(row, file);
      } else if (row.length !== width) {
        yield { error: `row ${number} has ${row.length} cells; the header has ${width}` };
      } else {
        const enrolment: Record<string, string | string[]> = {};
        for (const { index, field } of cells) {
          const value = row[index] ?? '';
          if (value === '') continue;
          enrolment[field] =
            field === 'instructors'
              ? value
                  .split(';')
                  .map((v) => v.trim())
                  .filter(Boolean)
              : value;
        }
        yield { row: enrolment };
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new Error(`${file.fileName} is not valid CSV: ${error.message}`, { cause: error });
  } finally {
    rows.destroy();
  }
}

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;

/** A JSON enrolment as a row; a field it should not carry, or a value of the wrong kind, is an error. */
function rowOf(record: JsonRecord): EnrolmentSourceRow {
  if (record.error !== undefined) return { error: record.error };
  const row: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(record.value)) {
    if (!Object.hasOwn(enrolmentFields, key)) return { error: `${key}: is not an enrolment field` };
    if (value === null || value === '') continue;
    if (key === 'instructors') {
      const list = Array.isArray(value) ? value : [value];
      const ids = list.map((v) => textOf(v) ?? textOf((v as { primary_id?: unknown } | null)?.primary_id));
      if (ids.some((id) => id === undefined))
        return { error: 'instructors: is a list of primary identifiers (or of objects with primary_id)' };
      row[key] = (ids as string[]).filter(Boolean);
      continue;
    }
    const text = textOf(value) ?? textOf((value as { value?: unknown } | null)?.value);
    if (text === undefined) return { error: `${key}: is not a text` };
    row[key] = text;
  }
  return { row };
}

async function* jsonRows(file: EnrolmentFile): AsyncGenerator<EnrolmentSourceRow> {
  const stream = createReadStream(file.path);
  try {
    const records = isJsonLines(file.fileName)
      ? jsonLineRecords(stream, file.signal)
      : jsonListRecords(stream, file.fileName, { listKey: 'enrollment', noun: 'enrollment', signal: file.signal });
    for await (const record of records) yield rowOf(record);
  } finally {
    stream.destroy();
  }
}
