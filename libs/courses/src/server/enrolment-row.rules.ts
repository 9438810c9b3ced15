import { forbiddenCharacterProblem } from '@ulms/platform';
import type { FieldError } from '@ulms/platform/contracts';
import { type CourseStatus, courseStatuses } from '../contracts/course.schema.js';
import type { EnrolmentRow } from '../contracts/enrolment-fields.js';

/** A row's values checked: what the course and the enrolment take from it. */
export interface CheckedRow {
  readonly code: string;
  readonly section: string;
  readonly course: {
    readonly name?: string;
    readonly academicDepartment?: string;
    readonly term?: string;
    readonly startDate?: string;
    readonly endDate?: string;
    readonly status?: CourseStatus;
  };
  /** Instructors' primary identifiers, when the row gives them. */
  readonly instructors?: readonly string[];
  readonly userPrimaryId: string;
  readonly enrolledSince?: string;
}

const MAX_INSTRUCTORS = 20;

const dateOf = (value: string): string | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})Z?$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? value.slice(0, 10)
    : null;
};

/** Checks one row; every broken rule is named by its field. */
export function checkRow(row: EnrolmentRow): { row: CheckedRow; errors?: undefined } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (field: keyof EnrolmentRow, max: number, required = false): string | undefined => {
    const raw = row[field];
    const value = typeof raw === 'string' ? raw.trim() : undefined;
    if (!value) {
      if (required) errors.push({ field, message: 'is required' });
      return undefined;
    }
    const problem = value.length > max ? `must be at most ${max} characters` : forbiddenCharacterProblem(value);
    if (problem) errors.push({ field, message: problem });
    return value;
  };
  const date = (field: 'start_date' | 'end_date' | 'enrolled_since') => {
    const value = text(field, 11);
    if (value === undefined) return undefined;
    const parsed = dateOf(value);
    if (!parsed) errors.push({ field, message: `"${value}" is not a date (YYYY-MM-DD)` });
    return parsed ?? undefined;
  };
  const code = text('course_code', 50, true);
  const section = text('section', 50) ?? '';
  const name = text('course_name', 255);
  const academicDepartment = text('academic_department', 100);
  const term = text('term', 50);
  const startDate = date('start_date');
  const endDate = date('end_date');
  if (startDate && endDate && endDate < startDate) errors.push({ field: 'end_date', message: 'is before start_date' });
  const rawStatus = text('status', 20)?.toUpperCase();
  const status = courseStatuses.find((s) => s === rawStatus);
  if (rawStatus && !status) errors.push({ field: 'status', message: `is ${courseStatuses.join(' or ')}` });
  const userPrimaryId = text('user_primary_id', 255, true);
  const enrolledSince = date('enrolled_since');
  const rawInstructors = row.instructors;
  const instructors =
    rawInstructors === undefined
      ? undefined
      : (typeof rawInstructors === 'string' ? [rawInstructors] : rawInstructors).map((i) => i.trim()).filter(Boolean);
  if (instructors && instructors.length > MAX_INSTRUCTORS)
    errors.push({ field: 'instructors', message: `at most ${MAX_INSTRUCTORS}` });
  if (instructors?.some((i) => i.length > 255))
    errors.push({ field: 'instructors', message: 'a primary identifier is at most 255 characters' });
  if (errors.length > 0 || !code || !userPrimaryId) return { errors };
  return {
    row: {
      code,
      section,
      course: { name, academicDepartment, term, startDate, endDate, status },
      instructors,
      userPrimaryId,
      enrolledSince,
    },
  };
}
