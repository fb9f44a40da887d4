import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// The SBOM and the advisory scan read the lockfile and talk to loopback servers: no PostgreSQL or Kafka.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)), { infra: false });
