#!/usr/bin/env node
// Runs before `npm start`, `npm test` and the other root scripts: on a fresh clone, or after
// package-lock.json changed, it installs the locked dependencies first (`npm ci`). Plain Node,
// no dependencies, because it runs before any are there.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lockfile = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');

function reason() {
  if (!existsSync(installed)) return 'node_modules is missing';
  if (statSync(lockfile).mtimeMs > statSync(installed).mtimeMs)
    return 'package-lock.json changed since the last install';
  return undefined;
}

const why = reason();
if (why) {
  process.stderr.write(`${why}: running npm ci\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('npm ci failed; see above\n');
    process.exit(result.status ?? 1);
  }
}
