#!/usr/bin/env node
// Compiles one deployable (a service, or the payment sandbox) and every library it may import into
// dist/, the way the Dockerfile's build stage does (`node tools/scripts/build-service.mjs <name>`), so
// that the image runs plain JavaScript: `node --import ./dist/libs/shared/observability/src/register-compiled.mjs
// dist/<root>/<entry>`. Each project goes through build-project.mjs (SWC, path aliases made relative);
// files a service reads at run time from outside src/ (the notification templates) are copied beside it.
// Type errors are CI's job (`npm test` type-checks every project), not the image build's.
//
//   node tools/scripts/build-service.mjs <gateway|auth-service|business-service|notification-service|payment-sandbox> [--out-dir <dir>]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What can be built into an image: its project folder, its entry under dist, the run-time folders beside src. */
export const DEPLOYABLES = {
  gateway: { root: 'apps/gateway', entry: 'src/main.js', assets: [] },
  'auth-service': { root: 'apps/auth-service', entry: 'src/main.js', assets: [] },
  'business-service': { root: 'apps/business-service', entry: 'src/main.js', assets: [] },
  'notification-service': { root: 'apps/notification-service', entry: 'src/main.js', assets: ['templates'] },
  'payment-sandbox': { root: 'tools/payment-sandbox', entry: 'src/cli.js', assets: [] },
};

/** The libraries every deployable may import (libs/shared/* and the typed client). */
function libraryRoots() {
  const shared = readdirSync(path.join(root, 'libs', 'shared'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, 'libs', 'shared', entry.name, 'src')))
    .map((entry) => `libs/shared/${entry.name}`);
  return [...shared, 'libs/gateway-client'];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [name, flag, outArg] = process.argv.slice(2);
  const deployable = DEPLOYABLES[name];
  if (!deployable || (flag !== undefined && (flag !== '--out-dir' || !outArg))) {
    process.stderr.write(`usage: build-service.mjs <${Object.keys(DEPLOYABLES).join('|')}> [--out-dir <dir>]\n`);
    process.exit(2);
  }
  const outDir = path.resolve(root, outArg ?? 'dist');
  for (const project of [...libraryRoots(), deployable.root]) {
    const built = spawnSync(
      process.execPath,
      [path.join(root, 'tools/scripts/build-project.mjs'), project, '--out-dir', outDir],
      { stdio: 'inherit' },
    );
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  for (const asset of deployable.assets) {
    cpSync(path.join(root, deployable.root, asset), path.join(outDir, deployable.root, asset), { recursive: true });
  }
  process.stdout.write(`${name}: node dist/${deployable.root}/${deployable.entry}\n`);
}
