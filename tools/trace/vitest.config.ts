import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

// The integration tests start a Jaeger of their own; the journey test starts the whole system.
export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)));
