import type { PrismaClient } from '@prisma/client';
import {
  ConflictError,
  type Database,
  type EnabledExtensions,
  NotFoundError,
  parseInput,
  type Transactions,
} from '@ulms/platform';
import {
  identifierKey,
  type UserChangeActor,
  type UserHistoryRecord,
  type UserHistoryWriter,
  type UserSearchService,
  type UserService,
  type UserSummary,
} from '@ulms/users/contracts';
import type {
  CourseDto,
  CourseInstructorDto,
  CourseParticipantDto,
  CoursesPage,
  EnrolmentRemovalDto,
  EnrolmentsPage,
} from '../contracts/course.dto.js';
import {
  type ListCoursesInput,
  type ListEnrolmentsInput,
  listCoursesInput,
  listEnrolmentsInput,
} from '../contracts/course.schema.js';
import type { EnrolmentChange } from '../contracts/courses-extension-points.js';
import { COURSE_COLUMNS, courseDtoOf, courseLabel, type CourseRow, ruleCourseOf } from './course-rows.js';
import { applyEnrolmentRules } from './enrolment-rules.js';

/** Courses and enrolments: the Courses tab, the column, the REST API's reads, removals. */
export interface CourseStore {
  enrolments(institutionId: string, input: ListEnrolmentsInput): Promise<EnrolmentsPage>;
  removeEnrolment(by: UserChangeActor, id: string): Promise<EnrolmentRemovalDto>;
  /** Removes every enrolment of the user; refused when the user has another number than `expected` by now. */
  removeAllEnrolments(by: UserChangeActor, userId: string, expected: number): Promise<EnrolmentRemovalDto>;
  list(institutionId: string, input: ListCoursesInput): Promise<CoursesPage>;
  get(institutionId: string, id: string): Promise<CourseDto>;
  /** Courses matching every condition (the REST API's `q`), ordered by code and section, with the exact total. */
  find(
    institutionId: string,
    conditions: readonly CourseCondition[],
    window: { offset: number; limit: number },
  ): Promise<CoursesPage>;
  /** A course's enrolled users, by name, one window at a time. */
  participants(
    institutionId: string,
    courseId: string,
    window: { offset: number; limit: number },
  ): Promise<{ total: number; participants: CourseParticipantDto[] }>;
  /** How many courses each user is enrolled in (users without any are absent). */
  countsOf(institutionId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
  /** A deleted user's enrolments and instructor places go with them. */
  forgetUser(institutionId: string, userId: string): Promise<void>;
}

/** What one condition of a course search looks at. */
export type CourseConditionField =
  | 'code'
  | 'name'
  | 'section'
  | 'term'
  | 'status'
  | 'department'
  | 'instructor'
  | 'all';
export interface CourseCondition {
  readonly field: CourseConditionField;
  readonly value: string;
}

const SUMMARIES_AT_ONCE = 1_000;

const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** One condition as SQL on the course aliased `c`, its values appended to `params` (the instructor's user ids resolved). */
function conditionSql(
  condition: CourseCondition,
  params: unknown[],
  instructorOf: (value: string) => string | undefined,
): string {
  const param = (value: unknown) => `$${params.push(value)}`;
  const exact = (column: string) => `lower(c.${column}) = ${param(condition.value.toLowerCase())}`;
  const words = () =>
    condition.value
      .split(/[\s_]+/)
      .filter(Boolean)
      .map((w) => `c.name ILIKE ${param(containing(w))}`)
      .join(' AND ') || 'TRUE';
  switch (condition.field) {
    case 'code':
      return exact('code');
    case 'section':
      return exact('section');
    case 'term':
      return exact('term');
    case 'status':
      return exact('status');
    case 'department':
      return exact('"academicDepartment"');
    case 'name':
      return `(${words()})`;
    case 'instructor':
      return `EXISTS (SELECT 1 FROM "CourseInstructor" i WHERE i."courseId" = c.id AND i."userId" = ${param(instructorOf(condition.value) ?? null)}::uuid)`;
    case 'all':
      return `(${exact('code')} OR (${words()}))`;
  }
}

interface EnrolmentRow extends CourseRow {
  enrolmentId: string;
  userId: string;
  enrolledSince: string;
}

const ENROLMENTS_OF_USER = `SELECT e.id AS "enrolmentId", e."userId", e."enrolledSince"::text AS "enrolledSince", ${COURSE_COLUMNS}
  FROM "CourseEnrolment" e JOIN "Course" c ON c.id = e."courseId"
  WHERE e."institutionId" = $1::uuid AND e."userId" = $2::uuid
    AND ($3::text IS NULL OR c.term = $3) AND ($4::text IS NULL OR c.status = $4)
    AND ($5::uuid IS NULL OR (c.code, c.section, e.id) > (
      SELECT c2.code, c2.section, e2.id FROM "CourseEnrolment" e2 JOIN "Course" c2 ON c2.id = e2."courseId" WHERE e2.id = $5::uuid))
  ORDER BY c.code, c.section, e.id
  LIMIT $6`;

export function createCourseStore(deps: {
  prisma: PrismaClient;
  database: Database;
  transactions: Transactions;
  extensions: EnabledExtensions;
  search: UserSearchService;
  users: UserService;
  history: UserHistoryWriter;
}): CourseStore {
  const { database, prisma } = deps;
  const sql = database.sql;

  /** The users' summaries, a thousand at a time (the most one call takes). */
  const summariesOf = async (institutionId: string, ids: readonly string[]) => {
    const found: UserSummary[] = [];
    for (let i = 0; i < ids.length; i += SUMMARIES_AT_ONCE)
      found.push(...(await deps.search.summaries(institutionId, ids.slice(i, i + SUMMARIES_AT_ONCE))));
    return found;
  };

  /** Each course's instructors by name, and its participants, in two statements. */
  const detailsOf = async (institutionId: string, courseIds: readonly string[]) => {
    if (courseIds.length === 0) return { instructors: new Map(), participants: new Map() };
    const [links, counts] = await Promise.all([
      sql.query<{ courseId: string; userId: string }>(
        `SELECT "courseId", "userId" FROM "CourseInstructor" WHERE "institutionId" = $1::uuid AND "courseId" = ANY($2::uuid[]) ORDER BY "courseId", position`,
        [institutionId, courseIds],
      ),
      sql.query<{ courseId: string; n: number }>(
        `SELECT "courseId", count(*)::int AS n FROM "CourseEnrolment" WHERE "institutionId" = $1::uuid AND "courseId" = ANY($2::uuid[]) GROUP BY "courseId"`,
        [institutionId, courseIds],
      ),
    ]);
    const people = new Map(
      (await summariesOf(institutionId, [...new Set(links.map((l) => l.userId))])).map((u) => [u.id, u]),
    );
    const instructors = new Map<string, CourseInstructorDto[]>();
    for (const link of links) {
      const person = people.get(link.userId);
      if (!person) continue;
      const list = instructors.get(link.courseId) ?? [];
      list.push({ userId: person.id, primaryId: person.primaryId, name: person.fullName });
      instructors.set(link.courseId, list);
    }
    return { instructors, participants: new Map(counts.map((c) => [c.courseId, c.n])) };
  };

  const dtosOf = async (institutionId: string, rows: readonly CourseRow[]) => {
    const { instructors, participants } = await detailsOf(
      institutionId,
      rows.map((r) => r.id),
    );
    return rows.map((row) => courseDtoOf(row, instructors.get(row.id) ?? [], participants.get(row.id) ?? 0));
  };

  /** Deletes enrolments and writes each user's History entry in one transaction; then the rules run. */
  const remove = async (
    by: UserChangeActor,
    where: { id?: string; userId?: string },
    expected?: number,
  ): Promise<EnrolmentRemovalDto> => {
    const removed = await deps.transactions.run(async ({ tx }) => {
      const rows = await tx.$queryRawUnsafe<EnrolmentRow[]>(
        `DELETE FROM "CourseEnrolment" e USING "Course" c
         WHERE c.id = e."courseId" AND e."institutionId" = $1::uuid
           AND ($2::uuid IS NULL OR e.id = $2::uuid) AND ($3::uuid IS NULL OR e."userId" = $3::uuid)
         RETURNING e.id AS "enrolmentId", e."userId", e."enrolledSince"::text AS "enrolledSince", ${COURSE_COLUMNS}`,
        by.institutionId,
        where.id ?? null,
        where.userId ?? null,
      );
      if (expected !== undefined && rows.length !== expected) {
        throw new ConflictError(
          `the user has ${rows.length} enrolments now, not the ${expected} shown: reload and remove again`,
        );
      }
      await deps.history.record(tx, by, historyOf(rows, 'removed'));
      return rows;
    });
    if (where.id && removed.length === 0) throw new NotFoundError('enrolment');
    const changes: EnrolmentChange[] = removed.map((r) => ({
      userId: r.userId,
      change: 'REMOVED',
      course: ruleCourseOf(r),
    }));
    const rules = await applyEnrolmentRules(deps.extensions, by, changes);
    return { removed: removed.length, ruleError: rules.error };
  };

  const store: CourseStore = {
    async enrolments(institutionId, input) {
      const q = parseInput(listEnrolmentsInput, input);
      await deps.users.requireExisting(institutionId, q.userId);
      const [rows, totals] = await Promise.all([
        sql.query<EnrolmentRow>(ENROLMENTS_OF_USER, [
          institutionId,
          q.userId,
          q.term ?? null,
          q.status ?? null,
          q.after ?? null,
          q.limit + 1,
        ]),
        sql.query<{ n: number; terms: string[] | null }>(
          `SELECT count(*)::int AS n, array_agg(DISTINCT c.term ORDER BY c.term) FILTER (WHERE c.term IS NOT NULL) AS terms
           FROM "CourseEnrolment" e JOIN "Course" c ON c.id = e."courseId"
           WHERE e."institutionId" = $1::uuid AND e."userId" = $2::uuid`,
          [institutionId, q.userId],
        ),
      ]);
      const page = rows.slice(0, q.limit);
      const courses = await dtosOf(institutionId, page);
      return {
        enrolments: page.map((row, i) => ({
          id: row.enrolmentId,
          userId: row.userId,
          enrolledSince: row.enrolledSince,
          course: courses[i] as CourseDto,
        })),
        total: totals[0]?.n ?? 0,
        terms: totals[0]?.terms ?? [],
        next: rows.length > q.limit ? (page.at(-1)?.enrolmentId ?? null) : null,
      };
    },

    removeEnrolment: (by, id) => remove(by, { id }),

    async removeAllEnrolments(by, userId, expected) {
      await deps.users.requireExisting(by.institutionId, userId);
      return remove(by, { userId }, expected);
    },

    list(institutionId, input) {
      const q = parseInput(listCoursesInput, input);
      const conditions: CourseCondition[] = [
        { field: 'all', value: q.query },
        { field: 'term', value: q.term ?? '' },
        { field: 'status', value: q.status ?? '' },
      ];
      return store.find(institutionId, conditions, { offset: q.offset, limit: q.limit });
    },

    async get(institutionId, id) {
      const rows = await sql.query<CourseRow>(
        `SELECT ${COURSE_COLUMNS} FROM "Course" c WHERE c."institutionId" = $1::uuid AND c.id = $2::uuid`,
        [institutionId, id],
      );
      if (rows.length === 0) throw new NotFoundError('course');
      const [course] = await dtosOf(institutionId, rows);
      return course as CourseDto;
    },

    async find(institutionId, conditions, window) {
      const params: unknown[] = [institutionId];
      const instructorValues = conditions.filter((c) => c.field === 'instructor').map((c) => c.value);
      const instructors = instructorValues.length
        ? await deps.search.idsByPrimaryId(institutionId, instructorValues)
        : new Map<string, string>();
      const where = [
        'c."institutionId" = $1::uuid',
        ...conditions
          .filter((c) => c.value !== '')
          .map((c) => conditionSql(c, params, (value) => instructors.get(identifierKey(value)))),
      ].join(' AND ');
      const [rows, count] = await Promise.all([
        sql.query<CourseRow>(
          `SELECT ${COURSE_COLUMNS} FROM "Course" c WHERE ${where} ORDER BY c.code, c.section, c.id
           OFFSET ${window.offset} LIMIT ${window.limit}`,
          params,
        ),
        sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Course" c WHERE ${where}`, params),
      ]);
      return { total: count[0]?.n ?? 0, courses: await dtosOf(institutionId, rows) };
    },

    async participants(institutionId, courseId, window) {
      const [ids, count] = await Promise.all([
        sql.query<{ userId: string; enrolledSince: string }>(
          `SELECT "userId", "enrolledSince"::text AS "enrolledSince" FROM "CourseEnrolment"
           WHERE "institutionId" = $1::uuid AND "courseId" = $2::uuid ORDER BY "enrolledSince", "userId" OFFSET $3 LIMIT $4`,
          [institutionId, courseId, window.offset, window.limit],
        ),
        sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "CourseEnrolment" WHERE "institutionId" = $1::uuid AND "courseId" = $2::uuid`,
          [institutionId, courseId],
        ),
      ]);
      const people = new Map(
        (
          await deps.search.summaries(
            institutionId,
            ids.map((r) => r.userId),
          )
        ).map((u) => [u.id, u]),
      );
      return {
        total: count[0]?.n ?? 0,
        participants: ids.flatMap((r) => {
          const person = people.get(r.userId);
          return person
            ? [{ userId: r.userId, primaryId: person.primaryId, name: person.fullName, enrolledSince: r.enrolledSince }]
            : [];
        }),
      };
    },

    async countsOf(institutionId, userIds) {
      if (userIds.length === 0) return new Map();
      const rows = await sql.query<{ userId: string; n: number }>(
        `SELECT "userId", count(*)::int AS n FROM "CourseEnrolment"
         WHERE "institutionId" = $1::uuid AND "userId" = ANY($2::uuid[]) GROUP BY "userId"`,
        [institutionId, [...userIds]],
      );
      return new Map(rows.map((r) => [r.userId, r.n]));
    },

    async forgetUser(institutionId, userId) {
      await prisma.$transaction([
        prisma.courseEnrolment.deleteMany({ where: { institutionId, userId } }),
        prisma.courseInstructor.deleteMany({ where: { institutionId, userId } }),
      ]);
    },
  };
  return store;
}

/** One History entry per user: the courses an import enrolled them in, or took them out of. */
export function historyOf(
  rows: readonly { userId: string; code: string; section: string }[],
  change: 'added' | 'removed',
): UserHistoryRecord[] {
  const byUser = new Map<string, string[]>();
  for (const row of rows) {
    const labels = byUser.get(row.userId) ?? [];
    labels.push(courseLabel(row));
    byUser.set(row.userId, labels);
  }
  return [...byUser].map(([userId, labels]) => {
    const value = labels.sort().join('; ');
    return {
      userId,
      field: 'courses',
      oldValue: change === 'removed' ? value : null,
      newValue: change === 'added' ? value : null,
    };
  });
}
