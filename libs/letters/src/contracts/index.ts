// What other modules and the browser may use of the letters module: ids, permissions, schemas, services.
export { LETTERS_MODULE, lettersPermissions } from './letters-module.js';
export * from './letter-type.js';
export * from './letter.schema.js';
export type * from './letter.dto.js';
export * from './letters-config.schema.js';
export * from './letters-services.js';
