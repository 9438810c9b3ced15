// The blocks module's server entry: the plugin and its contracts.
export * from './contracts/index.js';
export { blocksPlugin } from './server/blocks.plugin.js';
export { seedBlocksDemo } from './server/demo/blocks-demo.seed.js';
