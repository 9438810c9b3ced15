// The courses module's admin plugin: the app lists it and renders its screens inside `AdminHostProvider`.
export { coursesAdminPlugin } from './courses-admin-plugin.js';
