import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// Unit tests of the figures, and the spec that the bench:http peer app has its features (it reads
// PostgreSQL); the benchmarks themselves run by `npm run bench:*`, never as tests.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)));
