export const COURSE_IMPORT_JOB = 'courses.import';
