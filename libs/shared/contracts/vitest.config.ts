import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../../vitest.shared.js';

// Contracts are plain classes: no database or broker to start (or wait for).
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)), { infra: false });
