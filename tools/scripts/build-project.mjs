#!/usr/bin/env node
// `nx run <project>:build`: compiles a project's TypeScript (tests excluded) with SWC into
// dist/<project root>, keeping the folder layout, emitting decorator metadata, and rewriting the
// `@platform/*` path aliases to relative imports of the other projects' builds (Nx builds those
// first: dependsOn ^build). The result runs on plain Node: `node dist/apps/<app>/src/main.js`.
// Type errors are the typecheck target's job, which build depends on.
//
//   node tools/scripts/build-project.mjs <project root> [--out-dir <dir>]
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [projectRoot, flag, outArg] = process.argv.slice(2);
if (!projectRoot || (flag !== undefined && (flag !== '--out-dir' || !outArg))) {
  process.stderr.write('usage: build-project.mjs <project root> [--out-dir <dir>]\n');
  process.exit(2);
}
const outRoot = path.resolve(root, outArg ?? 'dist');
const sourceDir = path.join(root, projectRoot, 'src');
const targetDir = path.join(outRoot, projectRoot, 'src');

const { compilerOptions } = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));

/** Every file under a folder, recursively. */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const isTest = (file) => /\.spec\.ts$/.test(file);
rmSync(targetDir, { recursive: true, force: true });
let compiled = 0;
for (const file of filesUnder(sourceDir)) {
  const relative = path.relative(sourceDir, file);
  if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
    if (isTest(file)) continue;
    const output = await swc.transformFile(file, {
      filename: file,
      swcrc: false,
      sourceMaps: true,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        baseUrl: root,
        paths: compilerOptions.paths,
      },
      module: { type: 'es6', resolveFully: true },
    });
    const target = path.join(targetDir, relative.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, `${output.code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    writeFileSync(`${target}.map`, output.map ?? '');
    compiled++;
  } else if (/\.(mjs|cjs|js|json|txt)$/.test(file)) {
    // Plain JavaScript and data files ship as they are.
    const target = path.join(targetDir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}
process.stdout.write(`built ${projectRoot}: ${compiled} files into ${path.relative(root, targetDir)}\n`);
