#!/usr/bin/env node
// Runs before `npm start`, `npm test` and the other root scripts: on a fresh clone, or after
// package-lock.json changed, it installs the locked dependencies first (`npm ci`). Plain Node,
// no dependencies, because it runs before any are there.
//
// "Changed" means its content: the SHA-256 of the lockfile is stored in node_modules after each
// install (file times lie after a checkout, a `git worktree add` or a copy). A node_modules that is
// a symbolic link belongs to another checkout: `npm ci` would empty it through the link, so this
// never installs into one and only says so.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const modules = path.join(root, 'node_modules');
const lockHash = createHash('sha256')
  .update(readFileSync(path.join(root, 'package-lock.json')))
  .digest('hex');
const installedHashFile = path.join(modules, '.platform-lockfile-sha256');

function reason() {
  if (!existsSync(path.join(modules, '.package-lock.json'))) return 'node_modules is missing';
  const installedHash = existsSync(installedHashFile) ? readFileSync(installedHashFile, 'utf8').trim() : undefined;
  if (installedHash !== lockHash) return 'package-lock.json changed since the last install';
  return undefined;
}

const why = reason();
if (why && existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
  process.stderr.write(`${why}, but node_modules is a link to another checkout's: not installing through it\n`);
} else if (why) {
  process.stderr.write(`${why}: running npm ci\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('npm ci failed; see above\n');
    process.exit(result.status ?? 1);
  }
  writeFileSync(installedHashFile, `${lockHash}\n`);
}
