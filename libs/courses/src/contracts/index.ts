// What other modules and the browser may use of the courses module: ids, permissions, schemas, extension points.
export { COURSES_MODULE, coursesPermissions } from './courses-module.js';
export * from './courses-config.schema.js';
export * from './courses-extension-points.js';
export * from './course.schema.js';
export * from './course-import.schema.js';
export * from './enrolment-fields.js';
export type * from './course.dto.js';
export type * from './course-import.dto.js';
