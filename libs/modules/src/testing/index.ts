// Test harness for plugins: starts the shipped modules a plugin depends on.
export { startTestApi, pluginsWithDependencies } from './start-test-api.js';
export { overrideService } from '@ulms/platform';
