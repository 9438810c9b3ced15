import { COURSES_MODULE, coursesPermissions } from '@ulms/courses/contracts';
import { contribute, defineAdminPlugin } from '@ulms/ui';
import { usersAdminExtensionPoints } from '@ulms/users/contracts';
import { CourseImportPage } from './import/course-import.page.js';
import { CourseImportsPage } from './imports/course-imports.page.js';
import { CourseImportReport } from './jobs/course-import-report.js';
import { EnrolmentMappingPage } from './mapping/enrolment-mapping.page.js';
import { mappingPath } from './mapping/enrolment-mapping.path.js';
import { CoursesTab } from './user/courses-tab.js';

/**
 * The courses module's admin screens: the Courses tab of User Details, the enrolment imports with their reports and
 * dry runs, and the CSV mapping of enrolment files.
 */
export const coursesAdminPlugin = defineAdminPlugin({
  moduleId: COURSES_MODULE,
  title: 'Courses',
  routes: [
    {
      path: '/courses/imports',
      label: 'Course enrolment imports',
      permission: coursesPermissions.importRead,
      component: CourseImportsPage,
    },
    {
      path: '/courses/imports/$importId',
      label: 'Course enrolment import',
      permission: coursesPermissions.importRead,
      hiddenFromNav: true,
      component: CourseImportPage,
    },
  ],
  configurationPages: [
    {
      path: mappingPath,
      label: 'Enrolment file mapping',
      permission: coursesPermissions.importRead,
      component: EnrolmentMappingPage,
    },
  ],
  jobReports: { 'courses.import': (report) => <CourseImportReport report={report} /> },
  contributions: [
    // Opens with /users/<id>?tab=courses.
    contribute(usersAdminExtensionPoints.userRecordTabs, {
      id: 'courses',
      label: 'Courses',
      permission: coursesPermissions.courseRead,
      component: CoursesTab,
    }),
  ],
});
