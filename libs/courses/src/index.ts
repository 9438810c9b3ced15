// The courses module's server entry: the plugin and its contracts.
export * from './contracts/index.js';
export { coursesPlugin } from './server/courses.plugin.js';
export { seedCoursesDemo } from './server/demo/courses-demo.seed.js';
export { courseImportsRef, courseStoreRef } from './server/courses-refs.js';
export type { CourseImportService } from './server/course-import.service.js';
export type { CourseStore } from './server/course.store.js';
