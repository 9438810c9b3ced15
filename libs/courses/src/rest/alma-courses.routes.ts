import { defineRestRoute, NotFoundError, parseAlmaQueryOf, type RestRequest } from '@ulms/platform';
import { usersServices } from '@ulms/users/contracts';
import { z } from 'zod';
import type { CourseDto } from '../contracts/course.dto.js';
import { COURSES_MODULE, coursesPermissions as can } from '../contracts/courses-module.js';
import type { CourseConditionField } from '../server/course.store.js';
import { courseStoreRef } from '../server/courses-refs.js';
import { almaCourse, almaEnrollment } from './alma-course.document.js';

const tags = ['Courses'];

/** The fields `q` searches, and the store's condition each is. */
const queryFields = {
  code: 'code',
  name: 'name',
  section: 'section',
  term: 'term',
  status: 'status',
  academic_department: 'department',
  instructors: 'instructor',
  all: 'all',
} as const satisfies Record<string, CourseConditionField>;
type QueryField = keyof typeof queryFields;

const queryHelp =
  'q: field~value conditions joined with upper-case AND, `_` for a space. code, section, term, status, academic_department: the whole value, any case. ' +
  "name: every word within the name. instructors: an instructor's primary identifier. all: the code, or words of the name.";

const coursePathParams = z.object({ course_id: z.string().min(1).max(100) });
const courseId = z.uuid();

/** The instructors' records, for their names. */
async function instructorsOf(request: RestRequest<unknown, unknown, unknown>, courses: readonly CourseDto[]) {
  const ids = [...new Set(courses.flatMap((c) => c.instructors.map((i) => i.userId)))];
  const users = await request.services.get(usersServices.users).getMany(request.institution.id, ids);
  return new Map(users.map((u) => [u.id, u]));
}

/** The course `{course_id}` names; an id of another institution is as unknown as a missing one. */
async function courseOf(request: RestRequest<{ course_id: string }, unknown, unknown>): Promise<CourseDto> {
  if (!courseId.safeParse(request.params.course_id).success) throw new NotFoundError('course');
  return request.services.get(courseStoreRef).get(request.institution.id, request.params.course_id);
}

export const listCoursesRoute = defineRestRoute({
  method: 'GET',
  path: '/courses',
  operationId: 'listCourses',
  summary: `Find courses. ${queryHelp}`,
  tags,
  moduleId: COURSES_MODULE,
  permission: can.courseRead,
  query: z.object({
    q: z.string().max(1_000).optional().describe(`e.g. code~HIST101 AND term~AUTUMN2026. ${queryHelp}`),
    limit: z.coerce.number().int().min(0).max(100).default(10),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  }),
  responses: { 200: { description: 'The courses and total_record_count' }, 400: { description: 'A bad q' } },
  async handle(request) {
    const conditions = parseAlmaQueryOf(request.query.q, Object.keys(queryFields) as QueryField[]).map((c) => ({
      field: queryFields[c.field],
      value: c.value,
    }));
    const page = await request.services.get(courseStoreRef).find(request.institution.id, conditions, {
      offset: request.query.offset,
      limit: Math.max(request.query.limit, 1),
    });
    const courses = request.query.limit === 0 ? [] : page.courses;
    const instructors = await instructorsOf(request, courses);
    return {
      status: 200,
      xmlRoot: 'courses',
      body: {
        course: courses.map((c) => almaCourse(c, instructors, request.baseUrl)),
        total_record_count: page.total,
      },
    };
  },
});

export const getCourseRoute = defineRestRoute({
  method: 'GET',
  path: '/courses/{course_id}',
  operationId: 'getCourse',
  summary: 'One course, with its instructors and number of participants',
  tags,
  moduleId: COURSES_MODULE,
  permission: can.courseRead,
  params: coursePathParams,
  responses: { 200: { description: 'The course' }, 404: { description: 'No such course' } },
  async handle(request) {
    const course = await courseOf(request);
    const instructors = await instructorsOf(request, [course]);
    return { status: 200, xmlRoot: 'course', body: almaCourse(course, instructors, request.baseUrl) };
  },
});

export const listEnrollmentsRoute = defineRestRoute({
  method: 'GET',
  path: '/courses/{course_id}/enrollments',
  operationId: 'listCourseEnrollments',
  summary: "A course's enrolled users, by enrolment date",
  tags,
  moduleId: COURSES_MODULE,
  permission: can.courseRead,
  params: coursePathParams,
  query: z.object({
    limit: z.coerce.number().int().min(0).max(100).default(10),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  }),
  responses: { 200: { description: 'The enrolments and total_record_count' }, 404: { description: 'No such course' } },
  async handle(request) {
    const course = await courseOf(request);
    const page = await request.services.get(courseStoreRef).participants(request.institution.id, course.id, {
      offset: request.query.offset,
      limit: request.query.limit,
    });
    return {
      status: 200,
      xmlRoot: 'enrollments',
      body: {
        enrollment: page.participants.map((p) => almaEnrollment(p, request.baseUrl)),
        total_record_count: page.total,
      },
    };
  },
});
