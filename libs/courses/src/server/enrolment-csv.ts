import type { EnrolmentField, EnrolmentRow } from '../contracts/enrolment-fields.js';

const csvCell = (value: string) => (/[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Enrolment rows as CSV text with a header of the given fields (renamed by `columns`), instructors joined by `;`. */
export function enrolmentCsv(
  rows: readonly EnrolmentRow[],
  options: { fields: readonly EnrolmentField[]; columns?: Partial<Record<EnrolmentField, string>>; delimiter?: string },
): string {
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
  return `${[header.join(delimiter), ...lines].join('\n')}\n`;
}
