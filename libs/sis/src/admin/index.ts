// The SIS module's admin plugin: the app lists it and renders its screens inside `AdminHostProvider`.
export { sisAdminPlugin } from './sis-admin-plugin.js';
