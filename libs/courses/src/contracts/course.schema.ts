import { z } from 'zod';

export const courseStatuses = ['ACTIVE', 'INACTIVE'] as const;
export type CourseStatus = (typeof courseStatuses)[number];

/** The Courses tab: a user's enrolments, filtered by term and course status. */
export const listEnrolmentsInput = z
  .object({
    userId: z.uuid(),
    term: z.string().trim().max(50).optional(),
    status: z.enum(courseStatuses).optional(),
    limit: z.number().int().min(1).max(200).default(100),
    /** The `id` of the last enrolment of the previous page. */
    after: z.uuid().optional(),
  })
  .strict();
export type ListEnrolmentsInput = z.input<typeof listEnrolmentsInput>;

export const enrolmentIdInput = z.object({ id: z.uuid() }).strict();

/** Removes every enrolment of the user (the tab's "Remove all", after its confirmation). */
export const removeAllEnrolmentsInput = z
  .object({
    userId: z.uuid(),
    /** How many enrolments the confirmation named: refused when the user has another number by now. */
    expected: z.number().int().min(0).max(100_000),
  })
  .strict();

/** Courses of the institution, by code or words of the name (`query`), term and status. */
export const listCoursesInput = z
  .object({
    query: z.string().trim().max(200).default(''),
    term: z.string().trim().max(50).optional(),
    status: z.enum(courseStatuses).optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ListCoursesInput = z.input<typeof listCoursesInput>;

export const courseIdInput = z.object({ id: z.uuid() }).strict();
