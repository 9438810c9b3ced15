import { createExtensionPoint } from '@ulms/platform/contracts';
import type { UserChangeActor } from '@ulms/users/contracts';
import type { CourseStatus } from './course.schema.js';

/** A course as an enrolment rule sees it. */
export interface EnrolmentRuleCourse {
  readonly id: string;
  readonly code: string;
  readonly section: string;
  readonly name: string;
  readonly term: string | null;
  /** YYYY-MM-DD. */
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly status: CourseStatus;
}

/** One enrolment added or removed. */
export interface EnrolmentChange {
  readonly userId: string;
  readonly change: 'ADDED' | 'REMOVED';
  readonly course: EnrolmentRuleCourse;
}

/**
 * An institution's rule on enrolment changes ("enrolled students get the Patron role until the term ends"),
 * applied where the contributing plugin is enabled. It is called after the changes are saved (an import's batch,
 * a removal on the Courses tab), with every change of that batch; `by` is who made them. A rule that throws
 * leaves the enrolments saved: an import counts the failure and keeps its message, a removal by staff reports it.
 */
export interface EnrolmentRule {
  readonly id: string;
  apply(by: UserChangeActor, changes: readonly EnrolmentChange[]): Promise<void>;
}

export const coursesExtensionPoints = {
  enrolmentRules: createExtensionPoint<EnrolmentRule>({ id: 'courses.enrolmentRules' }),
};
