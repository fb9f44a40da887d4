import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const outDir = path.join(root, 'tmp', `build-test-${process.pid}`);
const exec = promisify(execFile);

// The libraries bootstrap needs, dependencies first (what Nx's ^build does).
const chain = ['logging', 'observability', 'tls', 'monitoring', 'validation', 'resilience', 'bootstrap'];

describe('build (tools/scripts/build-project.mjs)', () => {
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('compiles libraries into plain JavaScript that Node runs without a TypeScript loader', async () => {
    for (const lib of chain) {
      await exec(process.execPath, ['tools/scripts/build-project.mjs', `libs/shared/${lib}`, '--out-dir', outDir], {
        cwd: root,
      });
    }
    // A separate plain Node process: no swc-node, no path aliases.
    const probe = `
      const m = await import(${JSON.stringify(pathToFileURL(path.join(outDir, 'libs/shared/bootstrap/src/index.js')).href)});
      const config = m.loadConfig(m.ServiceConfig, { PORT: '8080' });
      const designType = Reflect.getMetadata('design:type', m.ServiceConfig.prototype, 'NODE_ENV');
      console.log(JSON.stringify({ exports: Object.keys(m).sort(), port: config.PORT, designType: designType?.name }));
    `;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', probe], { cwd: root });
    const result = JSON.parse(stdout) as { exports: string[]; port: number; designType?: string };
    expect(result.exports).toEqual(
      expect.arrayContaining(['bootstrapService', 'runService', 'loadConfig', 'ServiceConfig']),
    );
    // 8080 as a number: the decorators survived compilation; design:type: so did their metadata.
    expect(result.port).toBe(8080);
    expect(result.designType).toBe('String'); // NODE_ENV is typed as a union of strings
  });

  it('leaves tests out of the build', async () => {
    await exec(process.execPath, ['tools/scripts/build-project.mjs', 'libs/shared/logging', '--out-dir', outDir], {
      cwd: root,
    });
    const { stdout } = await exec('find', [path.join(outDir, 'libs/shared/logging'), '-name', '*.spec.js']);
    expect(stdout).toBe('');
  });
});
