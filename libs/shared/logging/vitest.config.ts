import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../../vitest.shared.js';

// Logging talks to no database or broker: no need to start (or wait for) PostgreSQL and Kafka.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)), { infra: false });
