// The proxies module's server entry: the plugin and its contracts.
export * from './contracts/index.js';
export { proxiesPlugin } from './server/proxies.plugin.js';
export { seedProxiesDemo } from './server/demo/proxies-demo.seed.js';
