// Server entry of the campus-card plugin; the browser and other modules use ./contracts.
export * from './contracts/index.js';
export { campusCardPlugin } from './server/campus-card.plugin.js';
