import type { RestContribution } from '@ulms/platform';
import { getCourseRoute, listCoursesRoute, listEnrollmentsRoute } from './alma-courses.routes.js';

/** The courses module's part of the Alma-format REST API: read-only courses and their enrolments. */
export const coursesHttp: RestContribution = {
  routes: [listCoursesRoute, getCourseRoute, listEnrollmentsRoute],
  xmlShape: {
    wrappers: { instructor: 'instructors', term: 'terms' },
    attributes: { courses: ['total_record_count'], enrollments: ['total_record_count'] },
  },
};
