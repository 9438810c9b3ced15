import type { Prisma } from '@prisma/client';
import type { FieldError } from '@ulms/platform/contracts';
import {
  maxNotesPerSave,
  maxStatisticsPerSave,
  noteFieldsInput,
  statisticFieldsInput,
  type UserPartsReplacement,
} from '../contracts/user-parts.schema.js';
import type { ValidationLookups } from '../contracts/code-table-service.js';
import type { UserChangeActor } from '../contracts/service-callers.js';

type NoteRow = ReturnType<typeof noteFieldsInput.parse>;
type StatisticRow = ReturnType<typeof statisticFieldsInput.parse>;

/** The replacement's lists, parsed, with every problem as a field error (`notes.0.text`). */
export interface CheckedReplacement {
  readonly notes?: NoteRow[];
  readonly statistics?: StatisticRow[];
  readonly visibleLibraryIds: readonly string[] | null;
  readonly documentParts?: UserPartsReplacement['documentParts'];
}

function parseList<T>(
  list: readonly unknown[] | undefined,
  name: string,
  parse: (value: unknown) =>
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: { path: PropertyKey[]; message: string }[] };
      },
  errors: FieldError[],
): T[] | undefined {
  return list?.flatMap((item, index) => {
    const result = parse(item);
    if (result.success) return [result.data];
    for (const issue of result.error.issues)
      errors.push({
        field: [name, index, ...issue.path.map(String)].join('.'),
        message: issue.message,
      });
    return [];
  });
}

/** Parses a replacement and checks it as adding each note or statistic would: segment types and code tables. */
export function checkPartsReplacement(
  replacement: UserPartsReplacement,
  context: { accountType: string; lookups: ValidationLookups },
): { checked: CheckedReplacement; errors: FieldError[] } {
  const errors: FieldError[] = [];
  for (const [name, list, max] of [
    ['notes', replacement.notes, maxNotesPerSave],
    ['statistics', replacement.statistics, maxStatisticsPerSave],
  ] as const) {
    if ((list?.length ?? 0) > max) {
      return {
        checked: { visibleLibraryIds: replacement.visibleLibraryIds },
        errors: [{ field: name, message: `at most ${max} are allowed` }],
      };
    }
  }
  const notes = parseList(replacement.notes, 'notes', (v) => noteFieldsInput.safeParse(v), errors);
  const statistics = parseList(replacement.statistics, 'statistics', (v) => statisticFieldsInput.safeParse(v), errors);
  const external = context.accountType === 'EXTERNAL';
  const segmentErrors = (name: string, rows: readonly { segmentType: string }[] | undefined) =>
    (rows ?? []).flatMap((row, index) =>
      row.segmentType === 'EXTERNAL' && !external
        ? [
            {
              field: `${name}.${index}.segmentType`,
              message: 'only an external user can have external data',
            },
          ]
        : [],
    );
  errors.push(...segmentErrors('notes', notes), ...segmentErrors('statistics', statistics));
  statistics?.forEach((statistic, index) => {
    if (!context.lookups.codeAllows('STATISTIC_CATEGORY_TYPE', statistic.categoryType)) {
      errors.push({
        field: `statistics.${index}.categoryType`,
        message: `"${statistic.categoryType}" is not a statistical category type of this institution`,
      });
    }
    if (!context.lookups.codeAllows('STATISTIC_CATEGORY', statistic.category)) {
      errors.push({
        field: `statistics.${index}.category`,
        message: `"${statistic.category}" is not a statistical category of this institution`,
      });
    }
  });
  return {
    checked: {
      notes,
      statistics,
      visibleLibraryIds: replacement.visibleLibraryIds,
      documentParts: replacement.documentParts,
    },
    errors,
  };
}

const noteKey = (n: { noteType: string; text: string; popUp: boolean; userViewable: boolean; segmentType: string }) =>
  JSON.stringify([n.noteType, n.text, n.popUp, n.userViewable, n.segmentType]);
const statisticKey = (s: { categoryType: string; category: string; note?: string | null; segmentType: string }) =>
  JSON.stringify([s.categoryType, s.category, s.note ?? null, s.segmentType]);

/** Splits what exists from what is wanted by content: rows wanted again stay as they are (with who created them and when). */
function difference<E extends { id: string }, W>(
  existing: readonly E[],
  wanted: readonly W[],
  keyOfExisting: (e: E) => string,
  keyOfWanted: (w: W) => string,
) {
  const unmatched = new Map<string, E[]>();
  for (const row of existing) unmatched.set(keyOfExisting(row), [...(unmatched.get(keyOfExisting(row)) ?? []), row]);
  const added = wanted.filter((row) => {
    const same = unmatched.get(keyOfWanted(row));
    return !same?.shift();
  });
  return { removed: [...unmatched.values()].flat(), added };
}

/** Inside the user's save transaction: the user's visible notes and statistics become the lists given (History entries for notes), and other modules write their parts. */
export async function replaceUserParts(
  tx: Prisma.TransactionClient,
  by: UserChangeActor,
  user: { id: string; recordType: string },
  replacement: CheckedReplacement,
  at: Date,
): Promise<void> {
  const { institutionId } = by;
  const userId = user.id;
  const visible = replacement.visibleLibraryIds
    ? {
        OR: [{ ownerLibraryId: null }, { ownerLibraryId: { in: [...replacement.visibleLibraryIds] } }],
      }
    : {};
  const where = { institutionId, userId, ...visible };
  const history = (oldValue: string | null, newValue: string | null, ownerLibraryId: string | null = null) => ({
    institutionId,
    userId,
    field: 'notes',
    oldValue,
    newValue,
    ownerLibraryId,
    actor: by.actor,
    actorKind: by.actorKind ?? 'staff',
    at,
  });

  if (replacement.notes) {
    const existing = await tx.userNote.findMany({
      where,
      select: {
        id: true,
        noteType: true,
        text: true,
        popUp: true,
        userViewable: true,
        segmentType: true,
        ownerLibraryId: true,
      },
    });
    const { removed, added } = difference(existing, replacement.notes, noteKey, noteKey);
    if (removed.length)
      await tx.userNote.deleteMany({
        where: { id: { in: removed.map((n) => n.id) } },
      });
    if (added.length) {
      await tx.userNote.createMany({
        data: added.map((n) => ({
          ...n,
          institutionId,
          userId,
          ownerLibraryId: null,
          createdBy: by.actor,
          createdAt: at,
        })),
      });
    }
    const entries = [
      ...removed.map((n) => history(n.text, null, n.ownerLibraryId)),
      ...added.map((n) => history(null, n.text)),
    ];
    if (entries.length) await tx.userHistoryEntry.createMany({ data: entries });
  }
  if (replacement.statistics) {
    const existing = await tx.userStatistic.findMany({
      where,
      select: {
        id: true,
        categoryType: true,
        category: true,
        note: true,
        segmentType: true,
      },
    });
    const { removed, added } = difference(existing, replacement.statistics, statisticKey, statisticKey);
    if (removed.length)
      await tx.userStatistic.deleteMany({
        where: { id: { in: removed.map((s) => s.id) } },
      });
    if (added.length) {
      await tx.userStatistic.createMany({
        data: added.map((s) => ({
          ...s,
          note: s.note ?? null,
          institutionId,
          userId,
          ownerLibraryId: null,
          createdBy: by.actor,
          createdAt: at,
        })),
      });
    }
  }
  for (const { part, value } of replacement.documentParts ?? []) {
    const changes = await part.write?.(
      { tx, institutionId, userId, actor: by.actor, recordType: user.recordType },
      value,
    );
    if (changes?.history.length)
      await tx.userHistoryEntry.createMany({
        data: changes.history.map((entry) => ({ ...history(entry.oldValue, entry.newValue), field: entry.field })),
      });
  }
}
