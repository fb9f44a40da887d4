import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// The sandbox needs neither PostgreSQL nor Kafka: its tests talk to it over loopback only.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)), { infra: false });
