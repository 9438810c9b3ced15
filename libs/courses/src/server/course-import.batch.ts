import type { Prisma, PrismaClient } from '@prisma/client';
import type { EnabledExtensions, Transactions } from '@ulms/platform';
import type { FieldError } from '@ulms/platform/contracts';
import {
  identifierKey,
  type UserChangeActor,
  type UserHistoryWriter,
  type UserSearchService,
} from '@ulms/users/contracts';
import type { EnrolmentChange } from '../contracts/courses-extension-points.js';
import { COURSE_COLUMNS, type CourseRow, ruleCourseOf } from './course-rows.js';
import { historyOf } from './course.store.js';
import type { EnrolmentSourceRow } from './enrolment-file.reader.js';
import { type CheckedRow, checkRow } from './enrolment-row.rules.js';
import { applyEnrolmentRules } from './enrolment-rules.js';

/** A row of the file at its position. */
export interface PositionedRow {
  readonly seq: number;
  readonly source: EnrolmentSourceRow;
}

/** What one import needs to load a batch. */
export interface ImportContext {
  readonly prisma: PrismaClient;
  readonly transactions: Transactions;
  readonly extensions: EnabledExtensions;
  readonly search: UserSearchService;
  readonly history: UserHistoryWriter;
  readonly by: UserChangeActor;
  readonly importId: string;
  readonly institutionId: string;
  readonly dryRun: boolean;
  readonly fullLoad: boolean;
  /** The import's day (YYYY-MM-DD): the enrolled-since date of a row without one. */
  readonly today: string;
  /**
   * The courses the import has met, as stored (null: none yet), kept as its batches commit: only imports change
   * courses, one at a time in an institution, so each course is read once per import.
   */
  readonly courses: Map<string, ExistingCourse | null>;
}

/** A new import's empty course cache. */
export const courseCache = () => ({ courses: new Map<string, ExistingCourse | null>() });

/** A dry run's marks (see the CourseImportMark table): an enrolment its file holds, an enrolment or course it would add. */
export const dryRunMark = {
  held: (enrolmentId: string) => `e:${enrolmentId}`,
  enrolment: (code: string, section: string, userId: string) => `p:${JSON.stringify([code, section, userId])}`,
  course: (code: string, section: string) => `c:${JSON.stringify([code, section])}`,
};

interface Entry {
  seq: number;
  outcome: 'ADDED' | 'REJECTED';
  userPrimaryId: string | null;
  courseCode: string | null;
  section: string | null;
  errors: FieldError[];
}

type CourseValues = Omit<CourseRow, 'id'> & { instructors: string[] };

export interface ExistingCourse extends CourseRow {
  instructors: string[];
}

const LOOKUP_CHUNK = 5_000;
const courseKey = (code: string, section: string) => `${code}\u0000${section}`;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The users holding each primary identifier, in look-ups of at most 5,000. */
async function usersOf(ctx: ImportContext, primaryIds: readonly string[]): Promise<Map<string, string>> {
  const keys = [...new Set(primaryIds.map(identifierKey))];
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
    const chunk = await ctx.search.idsByPrimaryId(ctx.institutionId, keys.slice(i, i + LOOKUP_CHUNK));
    for (const [key, id] of chunk) found.set(key, id);
  }
  return found;
}

/** The batch's courses as stored: from the import's cache, reading only those it has not met. */
async function existingCourses(ctx: ImportContext, keys: readonly { code: string; section: string }[]) {
  const unknown = keys.filter((k) => !ctx.courses.has(courseKey(k.code, k.section)));
  if (unknown.length) {
    const rows = await ctx.prisma.$queryRawUnsafe<ExistingCourse[]>(
      `SELECT ${COURSE_COLUMNS},
         ARRAY(SELECT i."userId"::text FROM "CourseInstructor" i WHERE i."courseId" = c.id ORDER BY i.position) AS instructors
       FROM "Course" c JOIN jsonb_to_recordset($2::jsonb) AS k(code text, section text)
         ON c.code = k.code AND c.section = k.section
       WHERE c."institutionId" = $1::uuid`,
      ctx.institutionId,
      JSON.stringify(unknown),
    );
    for (const k of unknown) ctx.courses.set(courseKey(k.code, k.section), null);
    for (const row of rows) ctx.courses.set(courseKey(row.code, row.section), row);
  }
  const found = new Map<string, ExistingCourse>();
  for (const k of keys) {
    const course = ctx.courses.get(courseKey(k.code, k.section));
    if (course) found.set(courseKey(k.code, k.section), course);
  }
  return found;
}

/** The course as the rows (in file order) leave it: each row's non-empty fields over the stored course. */
function merged(
  existing: ExistingCourse | undefined,
  rows: readonly CheckedRow[],
  userIds: ReadonlyMap<string, string>,
) {
  const first = rows[0] as CheckedRow;
  const values: CourseValues = {
    code: first.code,
    section: first.section,
    name: existing?.name ?? '',
    academicDepartment: existing?.academicDepartment ?? null,
    term: existing?.term ?? null,
    startDate: existing?.startDate ?? null,
    endDate: existing?.endDate ?? null,
    status: existing?.status ?? 'ACTIVE',
    instructors: existing?.instructors ?? [],
  };
  for (const row of rows) {
    const c = row.course;
    if (c.name) values.name = c.name;
    if (c.academicDepartment) values.academicDepartment = c.academicDepartment;
    if (c.term) values.term = c.term;
    if (c.startDate) values.startDate = c.startDate;
    if (c.endDate) values.endDate = c.endDate;
    if (c.status) values.status = c.status;
    if (row.instructors) values.instructors = row.instructors.map((p) => userIds.get(identifierKey(p)) as string);
  }
  return values;
}

const changedCourse = (existing: ExistingCourse | undefined, values: CourseValues) =>
  !existing ||
  existing.name !== values.name ||
  existing.academicDepartment !== values.academicDepartment ||
  existing.term !== values.term ||
  existing.startDate !== values.startDate ||
  existing.endDate !== values.endDate ||
  existing.status !== values.status;

/** Creates or updates the courses, replaces changed instructor lists; the stored courses by key. */
async function writeCourses(
  tx: Prisma.TransactionClient,
  ctx: ImportContext,
  courses: readonly { values: CourseValues; existing: ExistingCourse | undefined }[],
): Promise<Map<string, CourseRow>> {
  const written = new Map<string, CourseRow>();
  const toWrite = courses.filter((c) => changedCourse(c.existing, c.values));
  if (toWrite.length) {
    const rows = await tx.$queryRawUnsafe<CourseRow[]>(
      `INSERT INTO "Course" AS c ("institutionId", code, section, name, "academicDepartment", term, "startDate", "endDate", status)
       SELECT $1::uuid, v.code, v.section, v.name, v."academicDepartment", v.term, v."startDate", v."endDate", v.status
       FROM jsonb_to_recordset($2::jsonb) AS v(code text, section text, name text, "academicDepartment" text, term text,
         "startDate" date, "endDate" date, status text)
       ON CONFLICT ("institutionId", code, section) DO UPDATE SET name = EXCLUDED.name,
         "academicDepartment" = EXCLUDED."academicDepartment", term = EXCLUDED.term, "startDate" = EXCLUDED."startDate",
         "endDate" = EXCLUDED."endDate", status = EXCLUDED.status, "updatedAt" = now()
       RETURNING ${COURSE_COLUMNS}`,
      ctx.institutionId,
      JSON.stringify(toWrite.map((c) => c.values)),
    );
    for (const row of rows) written.set(courseKey(row.code, row.section), row);
  }
  for (const { existing } of courses) {
    if (existing && !written.has(courseKey(existing.code, existing.section)))
      written.set(courseKey(existing.code, existing.section), existing);
  }
  const instructorChanges = courses.filter((c) => !sameList(c.existing?.instructors ?? [], c.values.instructors));
  if (instructorChanges.length) {
    const ids = instructorChanges.map((c) => written.get(courseKey(c.values.code, c.values.section))?.id);
    await tx.$executeRawUnsafe(
      `DELETE FROM "CourseInstructor" WHERE "courseId" IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)`,
      JSON.stringify(ids),
    );
    const links = instructorChanges.flatMap((c) => {
      const courseId = written.get(courseKey(c.values.code, c.values.section))?.id;
      return [...new Set(c.values.instructors)].map((userId, position) => ({ courseId, userId, position }));
    });
    if (links.length) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "CourseInstructor" ("courseId", "userId", "institutionId", position)
         SELECT l."courseId", l."userId", $1::uuid, l.position
         FROM jsonb_to_recordset($2::jsonb) AS l("courseId" uuid, "userId" uuid, position int)`,
        ctx.institutionId,
        JSON.stringify(links),
      );
    }
  }
  return written;
}

const rejectedEntry = (seq: number, errors: FieldError[], row?: CheckedRow | null): Entry => ({
  seq,
  outcome: 'REJECTED',
  userPrimaryId: row?.userPrimaryId ?? null,
  courseCode: row?.code ?? null,
  section: row ? row.section : null,
  errors,
});

/** A batch's rows checked and their users looked up: what its write needs. */
export interface PreparedBatch {
  readonly size: number;
  readonly last: number;
  readonly entries: Entry[];
  readonly known: readonly { seq: number; row: CheckedRow; userId: string }[];
  readonly userIds: ReadonlyMap<string, string>;
}

/**
 * Prepares one batch of rows: each checked (every broken rule named), users and instructors looked up in one
 * statement. Reads only the users module: it may run while the previous batch is written.
 */
export async function prepareBatch(ctx: ImportContext, batch: readonly PositionedRow[]): Promise<PreparedBatch> {
  const entries: Entry[] = [];
  const checked: { seq: number; row: CheckedRow }[] = [];
  for (const { seq, source } of batch) {
    if (source.error !== undefined) {
      entries.push(rejectedEntry(seq, [{ field: 'row', message: source.error }]));
      continue;
    }
    const result = checkRow(source.row);
    if (result.errors) {
      const primaryId = source.row.user_primary_id;
      const code = source.row.course_code;
      entries.push({
        ...rejectedEntry(seq, result.errors),
        userPrimaryId: typeof primaryId === 'string' ? primaryId : null,
        courseCode: typeof code === 'string' ? code : null,
      });
    } else checked.push({ seq, row: result.row });
  }

  const userIds = await usersOf(
    ctx,
    checked.flatMap(({ row }) => [row.userPrimaryId, ...(row.instructors ?? [])]),
  );
  const known: { seq: number; row: CheckedRow; userId: string }[] = [];
  for (const { seq, row } of checked) {
    const errors: FieldError[] = [];
    const userId = userIds.get(identifierKey(row.userPrimaryId));
    if (!userId)
      errors.push({ field: 'user_primary_id', message: `no user has the primary identifier "${row.userPrimaryId}"` });
    for (const instructor of row.instructors ?? []) {
      if (!userIds.has(identifierKey(instructor)))
        errors.push({ field: 'instructors', message: `no user has the primary identifier "${instructor}"` });
    }
    if (errors.length || !userId) entries.push(rejectedEntry(seq, errors, row));
    else known.push({ seq, row, userId });
  }
  return { size: batch.length, last: batch.at(-1)?.seq ?? -1, entries, known, userIds };
}

/** Prepares and writes one batch (the demo's load, tests). */
export async function loadBatch(ctx: ImportContext, batch: readonly PositionedRow[]): Promise<void> {
  if (batch.length) await writeBatch(ctx, await prepareBatch(ctx, batch));
}

/**
 * Writes a prepared batch: its courses created or updated, enrolments added (a full load marks the ones it holds),
 * each user's History entry — unless a dry run, all with the import's counters and cursor in one transaction, so
 * that an import killed at any point goes on after the last batch it committed. The institution's enrolment rules
 * then take the added enrolments. Batches are written one at a time, in the file's order.
 */
export async function writeBatch(ctx: ImportContext, prepared: PreparedBatch): Promise<void> {
  const { entries, known, userIds, last } = prepared;
  const byCourse = new Map<string, (typeof known)[number][]>();
  for (const item of known) {
    const key = courseKey(item.row.code, item.row.section);
    const items = byCourse.get(key);
    if (items) items.push(item);
    else byCourse.set(key, [item]);
  }
  const existing = await existingCourses(
    ctx,
    [...byCourse.values()].map((items) => ({ code: items[0]?.row.code ?? '', section: items[0]?.row.section ?? '' })),
  );
  const courses: { key: string; values: CourseValues; existing: ExistingCourse | undefined }[] = [];
  const enrolling: { seq: number; row: CheckedRow; userId: string }[] = [];
  for (const [key, items] of byCourse) {
    const values = merged(
      existing.get(key),
      items.map((i) => i.row),
      userIds,
    );
    const fault: FieldError | null = !values.name
      ? { field: 'course_name', message: 'is required for a new course' }
      : values.startDate && values.endDate && values.endDate < values.startDate
        ? { field: 'end_date', message: "is before the course's start date" }
        : null;
    if (fault) {
      for (const item of items) entries.push(rejectedEntry(item.seq, [fault], item.row));
      continue;
    }
    courses.push({ key, values, existing: existing.get(key) });
    enrolling.push(...items);
  }
  const rejected = entries.length;

  if (ctx.dryRun) {
    await writeDryRunBatch(ctx, prepared, { courses, enrolling, existing, entries, rejected });
    return;
  }

  const { changes, stored } = await ctx.transactions.run(async ({ tx }) => {
    // The import's cursor commits with its batch: a commit lost in a crash is a batch done again, never half of one.
    await tx.$executeRawUnsafe('SET LOCAL synchronous_commit = off');
    const stored = await writeCourses(tx, ctx, courses);
    const rows = enrolling.map((e) => ({
      courseId: stored.get(courseKey(e.row.code, e.row.section))?.id,
      userId: e.userId,
      enrolledSince: e.row.enrolledSince ?? ctx.today,
    }));
    const inserted = rows.length ? await insertEnrolments(tx, ctx, rows) : [];
    const courseById = new Map([...stored.values()].map((c) => [c.id, c]));
    const addedRows = inserted.flatMap((r) => {
      const course = courseById.get(r.courseId);
      return course ? [{ userId: r.userId, course }] : [];
    });
    await ctx.history.record(
      tx,
      ctx.by,
      historyOf(
        addedRows.map((r) => ({ userId: r.userId, code: r.course.code, section: r.course.section })),
        'added',
      ),
    );
    const counts = {
      processed: prepared.size,
      added: addedRows.length,
      kept: enrolling.length - addedRows.length,
      rejected,
      coursesCreated: courses.filter((c) => !c.existing).length,
    };
    await recordBatch(tx, ctx, entries, counts, last);
    return {
      stored,
      changes: addedRows.map(
        (r): EnrolmentChange => ({ userId: r.userId, change: 'ADDED', course: ruleCourseOf(r.course) }),
      ),
    };
  });
  for (const { key, values } of courses) {
    const row = stored.get(key);
    if (row) ctx.courses.set(key, { ...row, instructors: values.instructors });
  }
  await recordRules(ctx, changes);
}

/**
 * A dry run's batch: what it would add counted once however many batches name it, and for a full load the
 * enrolments its file holds, kept as marks with the batch's entries and cursor (its memory stays flat; a restart
 * goes on). Changes no enrolment and no course.
 */
async function writeDryRunBatch(
  ctx: ImportContext,
  prepared: PreparedBatch,
  batch: {
    courses: readonly { key: string; values: CourseValues; existing: ExistingCourse | undefined }[];
    enrolling: readonly { seq: number; row: CheckedRow; userId: string }[];
    existing: ReadonlyMap<string, ExistingCourse>;
    entries: Entry[];
    rejected: number;
  },
): Promise<void> {
  const { enrolling, existing, entries } = batch;
  const pairs = enrolling.flatMap((e) => {
    const courseId = existing.get(courseKey(e.row.code, e.row.section))?.id;
    return courseId ? [{ courseId, userId: e.userId }] : [];
  });
  const found = pairs.length
    ? await ctx.prisma.$queryRawUnsafe<{ id: string; courseId: string; userId: string }[]>(
        `SELECT e.id, e."courseId", e."userId" FROM "CourseEnrolment" e
         JOIN jsonb_to_recordset($1::jsonb) AS p("courseId" uuid, "userId" uuid)
           ON e."courseId" = p."courseId" AND e."userId" = p."userId"`,
        JSON.stringify(pairs),
      )
    : [];
  const present = new Set(found.map((f) => `${f.courseId}\u0000${f.userId}`));
  const candidates = new Map<string, (typeof enrolling)[number]>();
  for (const e of enrolling) {
    const courseId = existing.get(courseKey(e.row.code, e.row.section))?.id;
    if (courseId && present.has(`${courseId}\u0000${e.userId}`)) continue;
    const key = dryRunMark.enrolment(e.row.code, e.row.section, e.userId);
    if (!candidates.has(key)) candidates.set(key, e);
  }
  const newCourses = batch.courses
    .filter((c) => !c.existing)
    .map((c) => dryRunMark.course(c.values.code, c.values.section));
  await ctx.prisma.$transaction(async (tx) => {
    if (ctx.fullLoad) await markNew(tx, ctx, [...new Set(found.map((f) => dryRunMark.held(f.id)))]);
    const planned = await markNew(tx, ctx, [...candidates.keys()]);
    const coursesPlanned = await markNew(tx, ctx, newCourses);
    const added = [...candidates].filter(([key]) => planned.has(key)).map(([, e]) => e);
    for (const e of added) {
      entries.push({
        seq: e.seq,
        outcome: 'ADDED',
        userPrimaryId: e.row.userPrimaryId,
        courseCode: e.row.code,
        section: e.row.section,
        errors: [],
      });
    }
    const counts = {
      processed: prepared.size,
      added: added.length,
      kept: enrolling.length - added.length,
      rejected: batch.rejected,
      coursesCreated: coursesPlanned.size,
    };
    await recordBatch(tx, ctx, entries, counts, prepared.last);
  });
}

/** Records the dry run's marks; those it had not made before. */
async function markNew(
  tx: Prisma.TransactionClient,
  ctx: ImportContext,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.$queryRawUnsafe<{ key: string }[]>(
    `INSERT INTO "CourseImportMark" ("importId", key)
     SELECT $1::uuid, k FROM jsonb_array_elements_text($2::jsonb) AS k
     ON CONFLICT DO NOTHING RETURNING key`,
    ctx.importId,
    JSON.stringify(keys),
  );
  return new Set(rows.map((r) => r.key));
}

/** Adds the enrolments the file holds that do not exist (a full load marks every one it holds); the added ones. */
async function insertEnrolments(
  tx: Prisma.TransactionClient,
  ctx: ImportContext,
  rows: readonly { courseId: string | undefined; userId: string; enrolledSince: string }[],
) {
  const onConflict = ctx.fullLoad
    ? `DO UPDATE SET "lastImportId" = EXCLUDED."lastImportId" WHERE e."lastImportId" IS DISTINCT FROM EXCLUDED."lastImportId"`
    : 'DO NOTHING';
  const returned = await tx.$queryRawUnsafe<{ courseId: string; userId: string; inserted: boolean }[]>(
    `INSERT INTO "CourseEnrolment" AS e ("institutionId", "courseId", "userId", "enrolledSince", "lastImportId")
     SELECT DISTINCT ON (r."courseId", r."userId") $1::uuid, r."courseId", r."userId", r."enrolledSince", $2::uuid
     FROM jsonb_to_recordset($3::jsonb) AS r("courseId" uuid, "userId" uuid, "enrolledSince" date)
     ON CONFLICT ("courseId", "userId") ${onConflict}
     RETURNING e."courseId", e."userId", (xmax = 0) AS inserted`,
    ctx.institutionId,
    ctx.importId,
    JSON.stringify(rows),
  );
  return returned.filter((r) => r.inserted);
}

/** Runs the enrolment rules over a committed batch's changes and counts their failures on the import. */
export async function recordRules(ctx: ImportContext, changes: readonly EnrolmentChange[]): Promise<void> {
  const outcome = await applyEnrolmentRules(ctx.extensions, ctx.by, changes);
  if (outcome.failures === 0) return;
  await ctx.prisma.courseImport.update({
    where: { id: ctx.importId },
    data: { ruleFailures: { increment: outcome.failures }, ruleError: outcome.error },
  });
}

/** The batch's entries and the import's counters and cursor. */
async function recordBatch(
  tx: Prisma.TransactionClient,
  ctx: ImportContext,
  entries: readonly Entry[],
  counts: { processed: number; added: number; kept: number; rejected: number; coursesCreated: number },
  lastSeq: number,
): Promise<void> {
  if (entries.length) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "CourseImportEntry" ("importId", seq, "institutionId", outcome, "userPrimaryId", "courseCode", section, errors)
       SELECT $1::uuid, e.seq, $2::uuid, e.outcome, e."userPrimaryId", e."courseCode", e.section, e.errors
       FROM jsonb_to_recordset($3::jsonb) AS e(seq int, outcome text, "userPrimaryId" text, "courseCode" text, section text, errors jsonb)`,
      ctx.importId,
      ctx.institutionId,
      JSON.stringify(entries),
    );
  }
  await tx.courseImport.update({
    where: { id: ctx.importId },
    data: {
      cursor: lastSeq + 1,
      processed: { increment: counts.processed },
      added: { increment: counts.added },
      kept: { increment: counts.kept },
      rejected: { increment: counts.rejected },
      coursesCreated: { increment: counts.coursesCreated },
    },
  });
}
