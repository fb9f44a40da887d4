import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// Round trips on databases of the tests' own on the run's PostgreSQL; the drill runs a whole system.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)));
