// What other modules and the browser may use of the proxies module: ids, permissions, schemas, services.
export { PROXIES_MODULE, proxiesPermissions } from './proxies-module.js';
export * from './proxy.schema.js';
export * from './proxies-services.js';
export * from './proxies-events.js';
