import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EnrolmentField, EnrolmentRow } from '../contracts/enrolment-fields.js';

const csvCell = (value: string) => (/[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** An enrolment CSV file with a header of the given columns (named as the fields unless `columns` renames them). */
export async function writeEnrolmentCsv(
  dir: string,
  name: string,
  rows: readonly EnrolmentRow[],
  options: { fields: readonly EnrolmentField[]; columns?: Partial<Record<EnrolmentField, string>>; delimiter?: string },
): Promise<string> {
  const delimiter = options.delimiter ?? ',';
  const header = options.fields.map((f) => options.columns?.[f] ?? f);
  const lines = rows.map((row) =>
    options.fields
      .map((f) => {
        const value = row[f];
        return csvCell(Array.isArray(value) ? value.join(';') : ((value as string | undefined) ?? ''));
      })
      .join(delimiter),
  );
  const path = join(dir, name);
  await writeFile(path, `${[header.join(delimiter), ...lines].join('\n')}\n`);
  return path;
}
