export { uniqueName } from './names.js';
export { testInfra } from './environment.js';
export type { TestInfra } from './environment.js';
export { createTestDatabase } from './database.js';
export type { TestDatabase } from './database.js';
export { testKafka, createTestTopic, uniqueGroupId } from './kafka.js';
export type { TestTopic } from './kafka.js';
export { startPrivateKafka } from './private-kafka.js';
export type { PrivateKafka } from './private-kafka.js';
