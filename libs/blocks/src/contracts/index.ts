// What other modules and the browser may use of the blocks module: ids, permissions, schemas, points, services.
export { BLOCKS_MODULE, blocksPermissions } from './blocks-module.js';
export * from './blocks-config.schema.js';
export * from './block.schema.js';
export * from './blocks-extension-points.js';
export * from './blocks-services.js';
