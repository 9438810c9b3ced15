// The fines module's server entry: the plugin and its contracts.
export * from './contracts/index.js';
export { finesPlugin } from './server/fines.plugin.js';
export { seedFinesDemo } from './server/demo/fines-demo.seed.js';
