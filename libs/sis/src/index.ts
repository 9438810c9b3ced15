// The SIS module's server entry: the plugin and its contracts.
export * from './contracts/index.js';
export { sisPlugin } from './server/sis.plugin.js';
export { seedSisDemo } from './server/demo/sis-demo.seed.js';
export { sisProfilesRef, sisRunsRef } from './server/sis-refs.js';
export type { SisProfileStore } from './server/sis-profile.store.js';
export type { SisRunService } from './server/sis-run.service.js';
