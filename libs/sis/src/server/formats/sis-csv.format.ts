import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { applyCsvTarget, csvTargetError } from '../../contracts/sis-csv-targets.js';
import type { AlmaUserJson, SisFormat, SisSourceRecord } from '../../contracts/sis-extension-points.js';
import type { CsvColumnMapping, SisProfileSettings } from '../../contracts/sis-profile.schema.js';
import { type SourceEntry, sourceEntries } from './source-entries.js';

/** A mapped column: its cell's index in a row, and the target the cell fills. */
interface MappedCell {
  readonly index: number;
  readonly field: string;
}

/** The profile's mapping, checked: throws when it is empty or names a target that is not one. */
function checkedMapping(profile: SisProfileSettings): readonly CsvColumnMapping[] {
  if (profile.csvMapping.length === 0) throw new Error('the profile has no CSV column mapping');
  for (const { column, field } of profile.csvMapping) {
    const error = csvTargetError(field);
    if (error) throw new Error(`column "${column}" of the profile's mapping: ${error}`);
  }
  return profile.csvMapping;
}

/** Where each mapped column is in the header; throws naming a mapped column the header lacks. */
function cellsOf(header: readonly string[], mapping: readonly CsvColumnMapping[], fileName: string): MappedCell[] {
  return mapping.map(({ column, field }) => {
    const index = header.indexOf(column);
    if (index < 0) throw new Error(`column "${column}" of the profile's mapping is not in the header of ${fileName}`);
    return { index, field };
  });
}

/** A row as an Alma user document; empty cells are left out. */
function userOf(row: readonly string[], cells: readonly MappedCell[]): AlmaUserJson {
  const user: AlmaUserJson = {};
  for (const { index, field } of cells) {
    const value = row[index] ?? '';
    if (value !== '') applyCsvTarget(user, field, value);
  }
  return user;
}

/** The records of one CSV file, one a row (the first row being the header), as the file is read. */
async function* csvRecords(
  entry: SourceEntry,
  profile: SisProfileSettings,
  mapping: readonly CsvColumnMapping[],
  signal: AbortSignal | undefined,
): AsyncGenerator<SisSourceRecord> {
  const options = { delimiter: profile.csvDelimiter, bom: true, trim: true, relax_column_count: true };
  const rows = pipeline(entry.stream, parse({ ...options, skip_empty_lines: true }), () => undefined);
  let header: string[] | undefined;
  let cells: MappedCell[] = [];
  let number = 0;
  try {
    for await (const row of rows as AsyncIterable<string[]>) {
      signal?.throwIfAborted();
      number++;
      if (!header) {
        header = row;
        cells = cellsOf(header, mapping, entry.name);
      } else if (row.length !== header.length) {
        yield { error: `row ${number} has ${row.length} cells; the header has ${header.length}` };
      } else {
        yield { user: userOf(row, cells) };
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new Error(`${entry.name} is not valid CSV: ${error.message}`, { cause: error });
  } finally {
    rows.destroy();
  }
}

const extensions = ['.csv', '.txt', '.zip'];

/** Rows of a delimited text file mapped to Alma user documents by the profile's columns; a file or a zip. */
export const sisCsvFormat: SisFormat = {
  id: 'sis.csv',
  name: 'CSV with a column mapping',
  fileExtensions: extensions,
  usesColumnMapping: true,
  async *read(input): AsyncGenerator<SisSourceRecord> {
    const mapping = checkedMapping(input.profile);
    for await (const entry of sourceEntries(input.path, extensions, input.signal, input.fileName)) {
      for await (const record of csvRecords(entry, input.profile, mapping, input.signal)) {
        input.signal?.throwIfAborted();
        yield record;
      }
    }
  },
};
