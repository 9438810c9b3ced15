// The fines module's admin plugin: the app lists it and renders its screens inside `AdminHostProvider`.
import './fines-admin.css';

export { finesAdminPlugin } from './fines-admin-plugin.js';
