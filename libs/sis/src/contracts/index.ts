// What other modules and the browser may use of the SIS module: ids, permissions, schemas, extension points.
export { SIS_MODULE, sisPermissions } from './sis-module.js';
export * from './sis-config.schema.js';
export * from './sis-extension-points.js';
export * from './sis-profile.schema.js';
export * from './sis-run.schema.js';
export type * from './sis-run.dto.js';
export { applyCsvTarget, csvTargetError, csvTargetExamples } from './sis-csv-targets.js';
