import { isJsonLines, jsonLineRecords, jsonListRecords, type JsonRecord } from '@ulms/platform';
import type { SisFormat, SisSourceRecord } from '../../contracts/sis-extension-points.js';
import { sourceEntries } from './source-entries.js';

/** A JSON item as a SIS record. */
const recordOf = (record: JsonRecord): SisSourceRecord =>
  record.error === undefined ? { user: record.value } : { error: record.error };

const extensions = ['.json', '.jsonl', '.ndjson', '.zip'];

/** Users in Alma's user JSON: a user list, a list of users, or JSON Lines; a file or a zip of files. */
export const sisJsonFormat: SisFormat = {
  id: 'sis.json',
  name: 'Alma user JSON',
  fileExtensions: extensions,
  async *read(input): AsyncGenerator<SisSourceRecord> {
    for await (const entry of sourceEntries(input.path, extensions, input.signal, input.fileName)) {
      const records = isJsonLines(entry.name)
        ? jsonLineRecords(entry.stream, input.signal)
        : jsonListRecords(entry.stream, entry.name, { listKey: 'user', noun: 'user', signal: input.signal });
      for await (const record of records) {
        input.signal?.throwIfAborted();
        yield recordOf(record);
      }
    }
  },
};
