import { describe, expect, it } from 'vitest';
import { type Lockfile, productionPackages } from './lockfile.js';
import { type CycloneDxBom, type CycloneDxComponent, sbomProblems } from './sbom-check.js';

// A small lockfile in npm's v3 shape: two production packages (one scoped and nested), one
// devOptional (kept by `npm ci --omit=dev`), one dev-only.
const lock: Lockfile = {
  name: 'platform',
  version: '0.1.0',
  lockfileVersion: 3,
  packages: {
    '': { name: 'platform', version: '0.1.0' },
    'node_modules/kafkajs': { version: '2.2.4' },
    'node_modules/pg/node_modules/@scope/inner': { version: '1.0.0-rc.1' },
    'node_modules/typescript': { version: '6.0.3', devOptional: true },
    'node_modules/vitest': { version: '4.1.12', dev: true },
  },
};

function component(path: string, name: string, version: string, purl: string): CycloneDxComponent {
  const [group, bare] = name.startsWith('@') ? name.split('/') : [undefined, name];
  return { group, name: bare!, version, purl, properties: [{ name: 'cdx:npm:package:path', value: path }] };
}

const goodBom = (): CycloneDxBom => ({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  metadata: { component: { name: 'platform', version: '0.1.0' } },
  components: productionPackages(lock).map((p) => component(p.path, p.name, p.version, p.purl)),
});

describe('the SBOM check', () => {
  it('derives names and purls from the lockfile, scoped names percent-encoded', () => {
    expect(productionPackages(lock).map((p) => p.purl)).toEqual([
      'pkg:npm/kafkajs@2.2.4',
      'pkg:npm/%40scope/inner@1.0.0-rc.1',
      'pkg:npm/typescript@6.0.3',
    ]);
  });

  it('accepts an SBOM that lists exactly the production packages', () => {
    expect(sbomProblems(goodBom(), lock)).toEqual([]);
  });

  it('refuses a dev-only package', () => {
    const bom = goodBom();
    bom.components!.push(component('node_modules/vitest', 'vitest', '4.1.12', 'pkg:npm/vitest@4.1.12'));

    expect(sbomProblems(bom, lock)).toEqual(['vitest@4.1.12 (node_modules/vitest) is a dev-only package']);
  });

  it('refuses a missing production package, a wrong version and a wrong purl', () => {
    const bom = goodBom();
    bom.components = bom.components!.filter((c) => c.name !== 'kafkajs');
    bom.components[0]!.version = '1.0.0';
    bom.components[1]!.purl = 'pkg:npm/typescript@6.0.2';

    expect(sbomProblems(bom, lock)).toEqual([
      'kafkajs@2.2.4 (node_modules/kafkajs) is a production package missing from the SBOM',
      'node_modules/pg/node_modules/@scope/inner is @scope/inner@1.0.0 in the SBOM, @scope/inner@1.0.0-rc.1 in the lockfile',
      'node_modules/typescript has purl pkg:npm/typescript@6.0.2, expected pkg:npm/typescript@6.0.3',
    ]);
  });

  it('refuses another format, another spec version and an empty component list', () => {
    expect(sbomProblems({ ...goodBom(), bomFormat: 'SPDX', specVersion: '1.4', components: [] }, lock)).toEqual([
      'bomFormat is SPDX, not CycloneDX',
      'specVersion is 1.4, not 1.6',
      'the SBOM lists no component',
    ]);
  });
});
