export * from './enrolment-files.js';
