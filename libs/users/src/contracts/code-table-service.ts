import type { CodeTableEntryInput } from './code-table.schema.js';
import type { CodeTable, RecordType } from './user-codes.js';
import type { CodeTableEntryDto } from './user.dto.js';

/** The institution's code tables and libraries, as the validation rules need them. */
export interface ValidationLookups {
  /** Record types allowed for a code; undefined when the code is not in the table (or inactive). */
  codeAllows(table: CodeTable, code: string): readonly RecordType[] | undefined;
  /** Whether the table has any active entry. */
  hasEntries(table: CodeTable): boolean;
  readonly libraryCodes: ReadonlySet<string>;
}

/** The users module's code tables: user groups, job categories, titles, identifier types, campuses. */
export interface CodeTableService {
  /** Cached: the same array until the tables change (or the cache expires), not to be modified. */
  list(institutionId: string, table?: CodeTable): Promise<readonly CodeTableEntryDto[]>;
  save(institutionId: string, entry: CodeTableEntryInput): Promise<CodeTableEntryDto>;
  remove(institutionId: string, table: CodeTable, code: string): Promise<void>;
  /** Everything validation needs (cached, as the list is). */
  lookups(institutionId: string): Promise<ValidationLookups>;
}
