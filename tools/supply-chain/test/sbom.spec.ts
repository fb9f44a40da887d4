import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devOnlyPackages, type Lockfile, productionPackages } from '../src/lockfile.js';
import { readLockfile } from '../src/repository.js';
import { componentName, componentPath, type CycloneDxBom, sbomProblems } from '../src/sbom-check.js';
import { writeSbom } from '../src/sbom.js';

// The real generator over the repository's lockfile, into a scratch folder (CI writes dist/sbom/).
describe('the production SBOM', () => {
  let dir: string;
  let bom: CycloneDxBom;
  let lock: Lockfile;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sbom-'));
    await writeSbom(path.join(dir, 'platform.cdx.json'));
    bom = JSON.parse(await readFile(path.join(dir, 'platform.cdx.json'), 'utf8')) as CycloneDxBom;
    lock = await readLockfile();
  }, 120_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is CycloneDX 1.6 about this repository', () => {
    expect(bom).toMatchObject({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      metadata: { component: { name: 'platform' } },
    });
  });

  it('lists every production package of package-lock.json with its version and purl, and nothing else', () => {
    const listed = Object.fromEntries(
      (bom.components ?? []).map((c) => [
        componentPath(c),
        { name: componentName(c), version: c.version, purl: c.purl },
      ]),
    );
    const expected = Object.fromEntries(
      productionPackages(lock).map((p) => [p.path, { name: p.name, version: p.version, purl: p.purl }]),
    );

    expect(Object.keys(expected).length).toBeGreaterThan(100);
    expect(listed).toEqual(expected);
    expect(sbomProblems(bom, lock)).toEqual([]);
  });

  it('names the direct production dependencies at the versions package.json pins', async () => {
    const root = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const purls = new Set((bom.components ?? []).map((c) => c.purl));
    for (const [name, version] of Object.entries(root.dependencies))
      expect(purls, `${name}@${version}`).toContain(`pkg:npm/${name.replace('@', '%40')}@${version}`);
  });

  it('leaves out every dev-only package, among them the test and build tools', () => {
    const names = new Set((bom.components ?? []).map(componentName));
    const paths = new Set((bom.components ?? []).map(componentPath));

    for (const tool of ['vitest', 'nx', 'prettier', 'eslint', '@swc/core', '@cyclonedx/cyclonedx-npm'])
      expect(names, tool).not.toContain(tool);
    expect(devOnlyPackages(lock).filter((p) => paths.has(p.path))).toEqual([]);
  });
});
