// The letters module's admin plugin: the app lists it and renders its screens inside `AdminHostProvider`.
export { lettersAdminPlugin } from './letters-admin-plugin.js';
