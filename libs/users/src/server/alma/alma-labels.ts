import type { CodeTable } from '../../contracts/user-codes.js';
import type { CodeTableEntryDto } from '../../contracts/user.dto.js';

/** Descriptions Alma writes beside the institution's own codes: code-table entries and library names. */
export interface AlmaLabels {
  codeTable(table: CodeTable, code: string): string | undefined;
  library(code: string): string | undefined;
}

/** Labels from the institution's code tables and libraries, as the services list them. */
export function almaLabelsOf(
  entries: readonly Pick<CodeTableEntryDto, 'table' | 'code' | 'description'>[],
  libraries: readonly { readonly code: string; readonly name: string }[],
): AlmaLabels {
  const descriptions = new Map(entries.map((e) => [`${e.table}\u0000${e.code}`, e.description]));
  const names = new Map(libraries.map((l) => [l.code, l.name]));
  return {
    codeTable: (table, code) => descriptions.get(`${table}\u0000${code}`),
    library: (code) => names.get(code),
  };
}
