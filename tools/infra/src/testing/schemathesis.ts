import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths.js';

/**
 * The pinned schemathesis CLI (`schemathesis run <spec> --url ... --checks all`) that
 * tools/scripts/ensure-prerequisites.mjs installs before `npm test` into .tools/python;
 * `LOCAL_TOOLS_DIR` moves .tools, as it does for that script. Throws, saying how to install it, when it is not there.
 */
export function schemathesisBin(env: NodeJS.ProcessEnv = process.env): string {
  const toolsDir = path.resolve(env['LOCAL_TOOLS_DIR'] ?? path.join(repoRoot, '.tools'));
  const bin = path.join(toolsDir, 'python', 'bin', 'schemathesis');
  if (!existsSync(bin)) {
    throw new Error(
      `schemathesis is not installed at ${bin}: run \`node tools/scripts/ensure-prerequisites.mjs test\` (npm test runs it first)`,
    );
  }
  return bin;
}
