#!/usr/bin/env node
// `npm test`: check formatting, then lint, type-check, build and test every project through Nx, then print one summary line
// over all Vitest reports. Extra arguments go to Nx (`npm test -- --projects=infra`).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
rmSync(path.join(root, '.data', 'test-results'), { recursive: true, force: true });

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const format = spawnSync(bin('prettier'), ['--check', '--log-level=warn', '.'], { cwd: root, stdio: 'inherit' });
if (format.status !== 0) {
  process.stderr.write('Formatting differs from Prettier: run `npm run format`.\n');
  process.exit(1);
}
const nx = spawnSync(
  bin('nx'),
  ['run-many', '-t', 'lint', 'typecheck', 'build', 'test', '--outputStyle=static', ...process.argv.slice(2)],
  { cwd: root, env, stdio: 'inherit' },
);
const summary = spawnSync(process.execPath, [path.join(root, 'tools', 'scripts', 'test-summary.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(nx.status !== 0 ? nx.status || 1 : (summary.status ?? 1));
