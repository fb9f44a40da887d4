import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// The live-metrics test starts the services against the real PostgreSQL and Kafka of the global setup.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)));
