import type { SelectOption } from '@ulms/ui';
import type { RecordType } from '@ulms/users/contracts';

/** Options of a fixed code list such as `genders` or `accountTypes`. */
export function optionsOf(list: Readonly<Record<string, string>>): SelectOption[] {
  return Object.entries(list).map(([value, label]) => ({ value, label }));
}

interface ContactType {
  readonly label: string;
  readonly recordTypes: readonly RecordType[];
}

/** The email, address or phone types a record type may use. */
export function contactTypeOptions(
  list: Readonly<Record<string, ContactType>>,
  recordType: RecordType,
): SelectOption[] {
  return Object.entries(list)
    .filter(([, type]) => type.recordTypes.includes(recordType))
    .map(([value, type]) => ({ value, label: type.label }));
}

/** The label of a code in a fixed list, or the code itself. */
export function labelOf(
  list: Readonly<Record<string, string | { readonly label: string }>>,
  code: string | null,
): string {
  if (!code) return '';
  const entry = list[code];
  if (entry === undefined) return code;
  return typeof entry === 'string' ? entry : entry.label;
}
