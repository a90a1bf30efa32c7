export * from './data-dir.js';
export * from './errors.js';
export * from './open-store.js';
export * from './postgres-migrations.js';
export * from './postgres-store.js';
export * from './sqlite-migrations.js';
export * from './sqlite-store.js';
export * from './store.js';
