import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../../vitest.shared.js';

// Pure functions: no database or broker to start.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)), { infra: false });
