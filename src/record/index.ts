export * from './dates.js';
export * from './empty-record.js';
export * from './money.js';
export * from './paths.js';
export * from './schema.js';
