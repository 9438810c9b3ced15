import { type BuiltInRole, coreServices, definePlugin, jobDefinitions, jobServices } from '@ulms/platform';
import { usersEvents, usersExtensionPoints, usersServices } from '@ulms/users/contracts';
import { coursesConfigSchema } from '../contracts/courses-config.schema.js';
import { coursesExtensionPoints } from '../contracts/courses-extension-points.js';
import { COURSES_MODULE, coursesPermissions as can } from '../contracts/courses-module.js';
import { coursesHttp } from '../rest/alma-courses.http.js';
import { courseImportJob } from './course-import.job.js';
import { createCourseImportService } from './course-import.service.js';
import { enrolledInCourseFilter, enrolmentCountColumn } from './course-users.extensions.js';
import { createCourseStore } from './course.store.js';
import { coursesFiles } from './courses-files.js';
import { courseImportsRef, courseStoreRef, importMappingRef } from './courses-refs.js';
import { coursesRouter } from './courses.router.js';
import { createImportMappingStore } from './import-mapping.store.js';

const ADMIN: BuiltInRole[] = ['GENERAL_SYSTEM_ADMINISTRATOR', 'USER_ADMINISTRATOR'];
const MANAGERS: BuiltInRole[] = [...ADMIN, 'USER_MANAGER'];

/** The courses module: courses, users' enrolments (the Courses tab) and the enrolment import. */
export const coursesPlugin = definePlugin({
  id: COURSES_MODULE,
  title: 'Courses',
  dependsOn: ['users'],
  configSchema: coursesConfigSchema,
  permissions: {
    [can.courseRead]: { description: "Read courses and users' course enrolments", roles: MANAGERS },
    [can.enrolmentRemove]: { description: "Remove users' course enrolments", roles: MANAGERS },
    [can.importRead]: { description: 'Read enrolment imports, their reports and rejects', roles: MANAGERS },
    [can.importStart]: { description: 'Import an enrolment file (dry run or applied)', roles: ADMIN },
    [can.mappingManage]: { description: 'Change the column mapping of enrolment files', roles: ADMIN },
  },
  router: coursesRouter,
  files: coursesFiles,
  http: coursesHttp,
  register(env) {
    env.declareExtensionPoint(coursesExtensionPoints.enrolmentRules);
    env.contribute(jobDefinitions, courseImportJob);
    env.provideService(courseStoreRef, {
      deps: {
        prisma: coreServices.prisma,
        database: coreServices.database,
        transactions: coreServices.transactions,
        extensions: coreServices.extensions,
        search: usersServices.search,
        users: usersServices.users,
        history: usersServices.history,
      },
      factory: createCourseStore,
    });
    env.provideService(importMappingRef, { deps: { prisma: coreServices.prisma }, factory: createImportMappingStore });
    env.provideService(courseImportsRef, {
      deps: { prisma: coreServices.prisma, container: coreServices.container, dataDir: coreServices.dataDir },
      factory: ({ container, ...deps }) =>
        createCourseImportService({ ...deps, jobs: () => container().get(jobServices.jobs) }),
    });
    env.contributeWith(usersExtensionPoints.listColumns, {
      deps: { store: courseStoreRef },
      factory: enrolmentCountColumn,
    });
    env.contribute(usersExtensionPoints.searchFilters, enrolledInCourseFilter);
    // No foreign key reaches the users module's table: a deleted user's enrolments and instructor places go with them.
    env.subscribe(usersEvents.userDeleted, async ({ institutionId, userId }, { services }) => {
      await services.get(courseStoreRef).forgetUser(institutionId, userId);
    });
  },
});
