import type { AutomaticBlockDto, BlockDto, BlockEffects, UserBlocks } from '@ulms/blocks/contracts';
import type { SortingState } from '@ulms/ui';

/** One line of the tab: a block staff added, or one a rule computes now. */
export type BlockRow =
  | { readonly kind: 'manual'; readonly id: string; readonly active: boolean; readonly block: BlockDto }
  | { readonly kind: 'automatic'; readonly id: string; readonly active: true; readonly block: AutomaticBlockDto };

export type BlockStatusFilter = 'active' | 'expired' | 'all';

export const statusFilterOptions = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'expired', label: 'Expired' },
];

/** The manual and automatic blocks as rows; automatic ones are always active (a rule computes them now). */
export function rowsOf(blocks: UserBlocks | undefined): BlockRow[] {
  if (!blocks) return [];
  return [
    ...blocks.manual.map((block): BlockRow => ({ kind: 'manual', id: block.id, active: block.active, block })),
    ...blocks.automatic.map(
      (block): BlockRow => ({ kind: 'automatic', id: `rule:${block.ruleId}`, active: true, block }),
    ),
  ];
}

export const effectsText = (effects: BlockEffects): string => {
  const names = [
    effects.borrowing ? 'borrowing' : null,
    effects.renewals ? 'renewals' : null,
    effects.requests ? 'requests' : null,
  ].filter((name): name is string => name !== null);
  if (names.length === 0) return 'Nothing';
  const text = names.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

export interface RowLabels {
  readonly typeLabel: (code: string) => string;
  readonly ruleLabel: (ruleId: string) => string;
}

/** "Lost card", or the rule's title for an automatic block. */
export const titleOf = (row: BlockRow, labels: RowLabels): string =>
  row.kind === 'manual' ? labels.typeLabel(row.block.type) : labels.ruleLabel(row.block.ruleId);

type SortKey = (row: BlockRow, labels: RowLabels) => string;

const byStatus: SortKey = (row) => (row.active ? '0' : '1');
const byCreated: SortKey = (row) => (row.kind === 'manual' ? row.block.createdAt.toISOString() : '');

/** What each sortable column sorts by, as text (dates are ISO, so they sort as text too). */
const sortKeys: Readonly<Record<string, SortKey>> = {
  status: byStatus,
  type: (row, labels) => titleOf(row, labels).toLocaleLowerCase(),
  kind: (row) => row.kind,
  // A block without an expiry date never ends: it sorts after every date going up.
  expiryDate: (row) => (row.kind === 'manual' ? (row.block.expiryDate ?? '9999-12-31') : '9999-12-31'),
  created: byCreated,
};
export const sortableColumns = Object.keys(sortKeys);

/** The order before any header is clicked: active blocks first. */
export const defaultSorting: SortingState = [{ id: 'status', desc: false }];

/**
 * The rows the filter keeps, in the order the table's sorting asks for; ties go active first, then newest first,
 * so by default the active blocks come before the expired ones.
 */
export function visibleRows(
  rows: readonly BlockRow[],
  filter: BlockStatusFilter,
  sorting: SortingState,
  labels: RowLabels,
): BlockRow[] {
  const kept = rows.filter((row) => filter === 'all' || (filter === 'active') === row.active);
  const key = sortKeys[sorting[0]?.id ?? 'status'] ?? byStatus;
  const direction = sorting[0]?.desc ? -1 : 1;
  const compare = (a: BlockRow, b: BlockRow) =>
    direction * key(a, labels).localeCompare(key(b, labels)) ||
    byStatus(a, labels).localeCompare(byStatus(b, labels)) ||
    byCreated(b, labels).localeCompare(byCreated(a, labels));
  return [...kept].sort(compare);
}
