export { fuzzPublicApi, describeReport } from './fuzz-public-api.js';
export type { FuzzOptions, FuzzReport } from './fuzz-public-api.js';
export { fuzzTheSystem, startSystemUnderTest, CONTRACT_FILE } from './fuzz-the-system.js';
export type { FuzzTheSystemOptions, SystemUnderTest } from './fuzz-the-system.js';
export { runSchemathesis } from './schemathesis-run.js';
export type { Exchange, Persona, SchemathesisOptions, SchemathesisResult } from './schemathesis-run.js';
export { systemRoutes } from './system-routes.js';
export type { ServiceRoutes } from './system-routes.js';
