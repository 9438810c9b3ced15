// The SIS module's server entry: the plugin and its contracts.
export * from './contracts/index.js';
export { sisPlugin } from './server/sis.plugin.js';
export { loadOptionsOf } from './server/sis-run.job.js';
export { seedSisDemo } from './server/demo/sis-demo.seed.js';
