/** The id institutions enable the module by; also its tRPC router's key. */
export const COURSES_MODULE = 'courses';

/** Permissions of the courses module. */
export const coursesPermissions = {
  /** Read courses and the users' enrolments (the Courses tab, the Courses column, the REST API). */
  courseRead: 'courses.course.read',
  /** Remove a user's enrolments (one, or all of them). */
  enrolmentRemove: 'courses.enrolment.remove',
  /** Read enrolment imports, their reports and rejects. */
  importRead: 'courses.import.read',
  /** Upload an enrolment file and start an import (dry or applied). */
  importStart: 'courses.import.start',
  /** Change the CSV column mapping of enrolment files. */
  mappingManage: 'courses.mapping.manage',
} as const;
