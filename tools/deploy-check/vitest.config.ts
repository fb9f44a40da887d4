import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// The compiled-service test starts a real auth-service against the run's PostgreSQL and Kafka.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)));
