import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// The catalogue test migrates a scratch database per service on the run's PostgreSQL.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)));
