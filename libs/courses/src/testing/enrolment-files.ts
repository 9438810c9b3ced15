import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EnrolmentField, EnrolmentRow } from '../contracts/enrolment-fields.js';
import { enrolmentCsv } from '../server/enrolment-csv.js';

/** An enrolment CSV file with a header of the given columns (named as the fields unless `columns` renames them). */
export async function writeEnrolmentCsv(
  dir: string,
  name: string,
  rows: readonly EnrolmentRow[],
  options: { fields: readonly EnrolmentField[]; columns?: Partial<Record<EnrolmentField, string>>; delimiter?: string },
): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, enrolmentCsv(rows, options));
  return path;
}
