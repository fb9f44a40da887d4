export { infraUp, infraDown, infraStatus, acquireInfra, envLines } from './infra.js';
export type { InfraEndpoints, InfraLease, InfraOptions, InfraStatus } from './infra.js';
export { loadInfraConfig, portSetting } from './config.js';
export type { InfraConfig } from './config.js';
export { InfraError } from './errors.js';
export { queryPostgres } from './postgres.js';
export { describeKafka } from './kafka.js';
export { infraPaths, repoRoot } from './paths.js';
export { freePort, isPortOpen } from './ports.js';
