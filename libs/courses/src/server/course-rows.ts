import type { CourseDto, CourseInstructorDto } from '../contracts/course.dto.js';
import type { CourseStatus } from '../contracts/course.schema.js';
import type { EnrolmentRuleCourse } from '../contracts/courses-extension-points.js';

/** A course as its table holds it, dates as YYYY-MM-DD text. */
export interface CourseRow {
  id: string;
  code: string;
  section: string;
  name: string;
  academicDepartment: string | null;
  term: string | null;
  startDate: string | null;
  endDate: string | null;
  status: string;
}

/** The columns of a `CourseRow`, on the course aliased `c`. */
export const COURSE_COLUMNS = `c.id, c.code, c.section, c.name, c."academicDepartment", c.term,
  c."startDate"::text AS "startDate", c."endDate"::text AS "endDate", c.status`;

/** "HIST101-02": how History and reports name a course. */
export const courseLabel = (course: { code: string; section: string }) =>
  course.section ? `${course.code}-${course.section}` : course.code;

export const ruleCourseOf = (row: CourseRow): EnrolmentRuleCourse => ({
  id: row.id,
  code: row.code,
  section: row.section,
  name: row.name,
  term: row.term,
  startDate: row.startDate,
  endDate: row.endDate,
  status: row.status as CourseStatus,
});

export const courseDtoOf = (
  row: CourseRow,
  instructors: readonly CourseInstructorDto[],
  participants: number,
): CourseDto => ({ ...ruleCourseOf(row), academicDepartment: row.academicDepartment, instructors, participants });
