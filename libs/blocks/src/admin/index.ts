// The blocks module's admin plugin: the app lists it and renders its screens inside `AdminHostProvider`.
export { blocksAdminPlugin } from './blocks-admin-plugin.js';
