import type { SisRunDto } from '@ulms/sis/contracts';
import type { SortingState } from '@ulms/ui';

type SortKey = (run: SisRunDto) => string | number;

const byCreated: SortKey = (run) => run.createdAt;

/** What each sortable column sorts by (moments as ISO text). */
const sortKeys: Readonly<Record<string, SortKey>> = {
  createdAt: byCreated,
  file: (run) => run.fileName.toLocaleLowerCase(),
  status: (run) => run.status,
  processed: (run) => run.counts.processed,
  created: (run) => run.counts.created,
  updated: (run) => run.counts.updated,
  unchanged: (run) => run.counts.unchanged,
  rejected: (run) => run.counts.rejected,
  deactivated: (run) => run.counts.deactivated,
  finishedAt: (run) => run.finishedAt ?? '',
};
export const sortableColumns = Object.keys(sortKeys);

/** The server's order: newest first. */
export const defaultSorting: SortingState = [{ id: 'createdAt', desc: true }];

/** The runs loaded so far, in the order the table's sorting asks for; ties newest first. */
export function sortedRuns(runs: readonly SisRunDto[], sorting: SortingState): SisRunDto[] {
  const key = sortKeys[sorting[0]?.id ?? 'createdAt'] ?? byCreated;
  const direction = sorting[0]?.desc ? -1 : 1;
  const compare = (a: SisRunDto, b: SisRunDto) => {
    const [x, y] = [key(a), key(b)];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return direction * order || b.createdAt.localeCompare(a.createdAt);
  };
  return [...runs].sort(compare);
}
