import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// Checks of the toolchain itself: no PostgreSQL or Kafka needed.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)), { infra: false });
