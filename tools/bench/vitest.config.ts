import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// Unit tests of the figures; the benchmarks themselves run by `npm run bench:*`, never as tests.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)), { infra: false });
