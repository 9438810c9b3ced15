import type { noteFieldsInput, statisticFieldsInput } from '../../contracts/user-parts.schema.js';
import type { HistoryChange } from '../user-history.js';
import type { ExternalNoteRow, ExternalStatisticRow } from './external-load.reads.js';

/** A record's external notes and statistics, which replace the user's. */
export interface ExternalParts {
  readonly notes: readonly ReturnType<typeof noteFieldsInput.parse>[];
  readonly statistics: readonly ReturnType<typeof statisticFieldsInput.parse>[];
}

interface ExistingParts {
  readonly notes: ReadonlyMap<string, readonly ExternalNoteRow[]>;
  readonly statistics: ReadonlyMap<string, readonly ExternalStatisticRow[]>;
}

const noteText = (n: { noteType: string; text: string }) => `${n.noteType}: ${n.text}`;
const noteKey = (n: { noteType: string; text: string; popUp: boolean; userViewable: boolean }) =>
  JSON.stringify([n.noteType, n.text, n.popUp, n.userViewable]);
const statisticText = (s: { categoryType: string; category: string; note?: string | null }) =>
  `${s.categoryType} ${s.category}${s.note ? ` (${s.note})` : ''}`;
const statisticKey = (s: { categoryType: string; category: string; note?: string | null }) =>
  JSON.stringify([s.categoryType, s.category, s.note ?? null]);

const sameList = <T>(a: readonly T[], b: readonly T[], key: (item: T) => string) =>
  JSON.stringify(a.map(key).sort()) === JSON.stringify(b.map(key).sort());

/** Whether the record's external notes and statistics are the user's already (in any order). */
export function samePartsOf(existing: ExistingParts, userId: string, parts: ExternalParts): boolean {
  return (
    sameList<{ noteType: string; text: string; popUp: boolean; userViewable: boolean }>(
      existing.notes.get(userId) ?? [],
      parts.notes,
      noteKey,
    ) &&
    sameList<{ categoryType: string; category: string; note?: string | null }>(
      existing.statistics.get(userId) ?? [],
      parts.statistics,
      statisticKey,
    )
  );
}

/** History entries for the external notes and statistics a load replaces. */
export function partsChanges(existing: ExistingParts, userId: string, parts: ExternalParts): HistoryChange[] {
  const joined = (texts: string[]) => (texts.length ? texts.join('; ') : null);
  const changes: HistoryChange[] = [];
  const notesBefore = joined((existing.notes.get(userId) ?? []).map(noteText));
  const notesAfter = joined(parts.notes.map(noteText));
  if (notesBefore !== notesAfter) changes.push({ field: 'notes', oldValue: notesBefore, newValue: notesAfter });
  const statisticsBefore = joined((existing.statistics.get(userId) ?? []).map(statisticText));
  const statisticsAfter = joined(parts.statistics.map(statisticText));
  if (statisticsBefore !== statisticsAfter)
    changes.push({
      field: 'statistics' as HistoryChange['field'],
      oldValue: statisticsBefore,
      newValue: statisticsAfter,
    });
  return changes;
}
