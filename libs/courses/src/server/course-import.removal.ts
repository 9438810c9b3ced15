import type { EnrolmentChange } from '../contracts/courses-extension-points.js';
import { COURSE_COLUMNS, type CourseRow, ruleCourseOf } from './course-rows.js';
import { historyOf } from './course.store.js';
import { dryRunMark, type ImportContext, recordRules } from './course-import.batch.js';

const CHUNK = 1_000;

interface RemovedRow extends CourseRow {
  userId: string;
}

/** The primary identifier of each user, for the report's entries. */
async function primaryIdsOf(ctx: ImportContext, userIds: readonly string[]) {
  const people = await ctx.search.summaries(ctx.institutionId, [...new Set(userIds)]);
  return new Map(people.map((p) => [p.id, p.primaryId]));
}

const removedEntries = (rows: readonly RemovedRow[], ids: Map<string, string>, from: number) =>
  JSON.stringify(
    rows.map((r, i) => ({
      seq: from + i,
      userPrimaryId: ids.get(r.userId) ?? null,
      courseCode: r.code,
      section: r.section,
    })),
  );

const INSERT_REMOVED = `INSERT INTO "CourseImportEntry" ("importId", seq, "institutionId", outcome, "userPrimaryId", "courseCode", section, errors)
  SELECT $1::uuid, e.seq, $2::uuid, 'REMOVED', e."userPrimaryId", e."courseCode", e.section, '[]'::jsonb
  FROM jsonb_to_recordset($3::jsonb) AS e(seq int, "userPrimaryId" text, "courseCode" text, section text)`;

/**
 * A full load's last step: the institution's enrolments its file did not hold are removed, a thousand per
 * transaction with their History entries, the report's entries and the import's counter; the enrolment rules then
 * take each chunk's removals. Resumable: what a chunk removed is gone, so a restarted import takes the rest.
 */
export async function removeMissing(ctx: ImportContext, total: number, signal: AbortSignal): Promise<void> {
  for (;;) {
    signal.throwIfAborted();
    // Read outside the transaction: the embedded database has one connection, which the transaction holds.
    const candidates = await ctx.prisma.$queryRawUnsafe<{ id: string; userId: string }[]>(
      `SELECT id, "userId" FROM "CourseEnrolment"
       WHERE "institutionId" = $1::uuid AND "lastImportId" IS DISTINCT FROM $2::uuid LIMIT ${CHUNK}`,
      ctx.institutionId,
      ctx.importId,
    );
    if (candidates.length === 0) return;
    const ids = await primaryIdsOf(
      ctx,
      candidates.map((r) => r.userId),
    );
    const changes = await ctx.transactions.run(async ({ tx }) => {
      const { removed } = await tx.courseImport.findUniqueOrThrow({
        where: { id: ctx.importId },
        select: { removed: true },
      });
      const rows = await tx.$queryRawUnsafe<RemovedRow[]>(
        `DELETE FROM "CourseEnrolment" e USING "Course" c
         WHERE c.id = e."courseId" AND e."lastImportId" IS DISTINCT FROM $1::uuid
           AND e.id IN (SELECT jsonb_array_elements_text($2::jsonb)::uuid)
         RETURNING e."userId", ${COURSE_COLUMNS}`,
        ctx.importId,
        JSON.stringify(candidates.map((c) => c.id)),
      );
      await ctx.history.record(tx, ctx.by, historyOf(rows, 'removed'));
      await tx.$executeRawUnsafe(
        INSERT_REMOVED,
        ctx.importId,
        ctx.institutionId,
        removedEntries(rows, ids, total + removed),
      );
      await tx.courseImport.update({ where: { id: ctx.importId }, data: { removed: { increment: rows.length } } });
      return rows.map((r): EnrolmentChange => ({ userId: r.userId, change: 'REMOVED', course: ruleCourseOf(r) }));
    });
    await recordRules(ctx, changes);
  }
}

/** A dry run's full load: the enrolments it would remove (those its file did not hold, unmarked) reported, none removed. */
export async function reportMissing(ctx: ImportContext, total: number, signal: AbortSignal): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  let removed = 0;
  for (;;) {
    signal.throwIfAborted();
    const missing = await ctx.prisma.$queryRawUnsafe<(RemovedRow & { enrolmentId: string })[]>(
      `SELECT e.id AS "enrolmentId", e."userId", ${COURSE_COLUMNS}
       FROM "CourseEnrolment" e JOIN "Course" c ON c.id = e."courseId"
       WHERE e."institutionId" = $1::uuid AND e.id > $2::uuid
         AND NOT EXISTS (SELECT 1 FROM "CourseImportMark" m WHERE m."importId" = $3::uuid AND m.key = $4 || e.id::text)
       ORDER BY e.id LIMIT ${CHUNK}`,
      ctx.institutionId,
      after,
      ctx.importId,
      dryRunMark.held(''),
    );
    if (missing.length === 0) return;
    after = missing.at(-1)?.enrolmentId ?? after;
    const ids = await primaryIdsOf(
      ctx,
      missing.map((r) => r.userId),
    );
    await ctx.prisma.$transaction([
      ctx.prisma.$executeRawUnsafe(
        INSERT_REMOVED,
        ctx.importId,
        ctx.institutionId,
        removedEntries(missing, ids, total + removed),
      ),
      ctx.prisma.courseImport.update({ where: { id: ctx.importId }, data: { removed: { increment: missing.length } } }),
    ]);
    removed += missing.length;
  }
}
