// The fines module's server entry: the plugin and its contracts.
export * from './contracts/index.js';
export { finesPlugin } from './server/fines.plugin.js';
