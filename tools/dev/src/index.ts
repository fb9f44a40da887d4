export { startSystemProcess } from './system-process.js';
export type { SystemProcess } from './system-process.js';
export { databaseUrl, dropDatabase, ensureDatabase } from './ensure-database.js';
export { startProcess, waitUntilReady, stopProcess } from './service-process.js';
export type { RunningProcess } from './service-process.js';
export { systemServices, endpointsOf, ownSettingsOf, portSettingsOf } from './services.js';
export type { ServiceSpec, SystemEndpoints } from './services.js';
export { sendUntilAnswered } from './send-until-answered.js';
export type { ClientAnswer } from './send-until-answered.js';
