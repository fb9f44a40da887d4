import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// The refusals and the dry run against a scratch copy of the workspace, then one generated service
// taken through lint, type-check, build, its own tests and a start against the shared PostgreSQL and Kafka.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)));
