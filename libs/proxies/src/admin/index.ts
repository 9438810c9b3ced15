// The proxies module's admin plugin: the app lists it and renders its screens inside `AdminHostProvider`.
import './proxies-admin.css';

export { proxiesAdminPlugin } from './proxies-admin-plugin.js';
