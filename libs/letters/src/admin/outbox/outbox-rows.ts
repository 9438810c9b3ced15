import type { OutboxEntryDto } from '@ulms/letters/contracts';
import type { SortingState } from '@ulms/ui';

type SortKey = (entry: OutboxEntryDto) => string | number;

const iso = (value: Date | null) => value?.toISOString() ?? '';
const byCreated: SortKey = (entry) => iso(entry.createdAt);

/** What each sortable column sorts by (dates as ISO text). */
const sortKeys: Readonly<Record<string, SortKey>> = {
  createdAt: byCreated,
  letterType: (entry) => entry.letterTypeName.toLocaleLowerCase(),
  to: (entry) => entry.toAddress.toLocaleLowerCase(),
  subject: (entry) => entry.subject.toLocaleLowerCase(),
  status: (entry) => entry.status,
  attempts: (entry) => entry.attempts,
  sentAt: (entry) => iso(entry.sentAt),
};
export const sortableColumns = Object.keys(sortKeys);

/** The server's order: newest first. */
export const defaultSorting: SortingState = [{ id: 'createdAt', desc: true }];

/** The letters loaded so far, in the order the table's sorting asks for; ties newest first. */
export function sortedEntries(entries: readonly OutboxEntryDto[], sorting: SortingState): OutboxEntryDto[] {
  const key = sortKeys[sorting[0]?.id ?? 'createdAt'] ?? byCreated;
  const direction = sorting[0]?.desc ? -1 : 1;
  const compare = (a: OutboxEntryDto, b: OutboxEntryDto) => {
    const [x, y] = [key(a), key(b)];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return direction * order || iso(b.createdAt).localeCompare(iso(a.createdAt));
  };
  return [...entries].sort(compare);
}
