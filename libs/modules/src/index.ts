// The modules this project ships, for the server to install and for plugin tests to start what they depend on.
export { shippedModules } from './shipped-modules.js';
