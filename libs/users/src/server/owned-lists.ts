import type { OwnedList } from './user-record.reader.js';

// Notes and statistics may belong to a library: what is read of them, and in which order.
export const noteSelect = {
  id: true,
  noteType: true,
  text: true,
  ownerLibraryId: true,
  popUp: true,
  userViewable: true,
  segmentType: true,
  createdBy: true,
  createdAt: true,
} as const;
export const statisticSelect = {
  id: true,
  categoryType: true,
  category: true,
  note: true,
  ownerLibraryId: true,
  segmentType: true,
  createdBy: true,
  createdAt: true,
} as const;
const notesList: OwnedList = {
  table: 'UserNote',
  select: noteSelect,
  orderBy: 'l."createdAt" DESC',
};
const statisticsList: OwnedList = {
  table: 'UserStatistic',
  select: statisticSelect,
  orderBy: 'l."createdAt" ASC',
};
export const onlyNotes = { notes: notesList };
export const onlyStatistics = { statistics: statisticsList };
export const notesAndStatistics = {
  notes: notesList,
  statistics: statisticsList,
};

/** Library-owned rows with their owner library's code in place of its id. */
export function withOwnerCodes<T extends { ownerLibraryId: string | null }>(
  rows: readonly T[],
  libraries: readonly { id: string; code: string }[],
) {
  const codes = new Map(libraries.map((l) => [l.id, l.code]));
  return rows.map(({ ownerLibraryId, ...rest }) => ({
    ...rest,
    ownerLibrary: ownerLibraryId ? (codes.get(ownerLibraryId) ?? null) : null,
  }));
}
