export { startSystemProcess } from './system-process.js';
export type { SystemProcess } from './system-process.js';
export { databaseUrl } from './ensure-database.js';
