import { Prisma } from '@prisma/client';
import type { UserListColumn, UserSearchFilter } from '@ulms/users/contracts';
import type { CourseStore } from './course.store.js';

/** Find and Manage Users' Courses column: how many courses each user is enrolled in. */
export const enrolmentCountColumn = ({ store }: { store: CourseStore }): UserListColumn => ({
  id: 'courses.enrolments',
  title: 'Courses',
  load: (institutionId, userIds) => store.countsOf(institutionId, userIds),
});

/** Find and Manage Users' "Enrolled in course" filter: the users enrolled in a course of that code, any section. */
export const enrolledInCourseFilter: UserSearchFilter = {
  id: 'courses.enrolledIn',
  label: 'Enrolled in course',
  placeholder: 'Course code',
  condition: (institutionId, value) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "CourseEnrolment" ce JOIN "Course" co ON co.id = ce."courseId"
      WHERE ce."userId" = u.id AND ce."institutionId" = ${institutionId}::uuid AND co."institutionId" = ${institutionId}::uuid
        AND lower(co.code) = ${value.toLowerCase()})`,
};
