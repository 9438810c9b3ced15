// Server entry of the student-rules plugin; the browser and other modules use ./contracts.
export * from './contracts/index.js';
export { studentRulesPlugin } from './server/student-rules.plugin.js';
