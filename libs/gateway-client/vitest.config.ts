import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// Generation and a client against a local HTTP server: no database or broker to start.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)), { infra: false });
