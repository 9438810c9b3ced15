// The blocks module's admin plugin: the app lists it and renders its screens inside `AdminHostProvider`.
import './blocks-admin.css';

export { blocksAdminPlugin } from './blocks-admin-plugin.js';
