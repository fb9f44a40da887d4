import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../../vitest.shared.js';

// Servers of its own (redis-server with TLS): no shared database or broker to start.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)), { infra: false });
