export * from './sis-files.js';
