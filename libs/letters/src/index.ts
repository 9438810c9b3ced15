// The letters module's server entry: the plugin and its contracts.
export * from './contracts/index.js';
export { lettersPlugin } from './server/letters.plugin.js';
export { seedLettersDemo } from './server/demo/letters-demo.seed.js';
