import { fileURLToPath } from 'node:url';
import { projectTestConfig } from '../../vitest.shared.js';

export default projectTestConfig(fileURLToPath(new URL('.', import.meta.url)));
