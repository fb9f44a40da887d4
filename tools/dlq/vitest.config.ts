import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// The replay tests talk to the real Kafka and PostgreSQL the global setup brings up.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)));
