// The proxies module's admin plugin: the app lists it and renders its screens inside `AdminHostProvider`.
export { proxiesAdminPlugin } from './proxies-admin-plugin.js';
