import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// The checkers' unit tests and one short chaos run against the test PostgreSQL (its own databases,
// its own Kafka broker, Mailpit and Redis).
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)));
