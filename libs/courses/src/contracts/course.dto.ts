import type { CourseStatus } from './course.schema.js';

export interface CourseInstructorDto {
  readonly userId: string;
  readonly primaryId: string;
  readonly name: string;
}

export interface CourseDto {
  readonly id: string;
  readonly code: string;
  /** Empty for a course without sections. */
  readonly section: string;
  readonly name: string;
  readonly academicDepartment: string | null;
  readonly term: string | null;
  /** YYYY-MM-DD. */
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly status: CourseStatus;
  readonly instructors: readonly CourseInstructorDto[];
  /** How many users are enrolled. */
  readonly participants: number;
}

export interface EnrolmentDto {
  readonly id: string;
  readonly userId: string;
  readonly enrolledSince: string;
  readonly course: CourseDto;
}

export interface EnrolmentsPage {
  readonly enrolments: readonly EnrolmentDto[];
  /** Every enrolment of the user, whatever the filters (what "Remove all" removes). */
  readonly total: number;
  /** The terms of the user's courses, for the tab's filter. */
  readonly terms: readonly string[];
  /** The `after` of the next page, or null after the last. */
  readonly next: string | null;
}

export interface CoursesPage {
  readonly total: number;
  readonly courses: readonly CourseDto[];
}

/** One enrolment of a course as the REST API lists them. */
export interface CourseParticipantDto {
  readonly userId: string;
  readonly primaryId: string;
  readonly name: string;
  readonly enrolledSince: string;
}

/** What a removal did: the enrolments gone, and an enrolment rule's failure after it (the removal stays). */
export interface EnrolmentRemovalDto {
  readonly removed: number;
  readonly ruleError: string | null;
}
