import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = 'tools/workspace/fixtures/boundaries';

async function boundaryErrors(file: string, text?: string): Promise<string[]> {
  // The fixtures are ignored by the repository's lint run; here they are linted on purpose.
  const eslint = new ESLint({ cwd: root, ignore: false });
  const filePath = path.join(root, file);
  const [result] = text === undefined ? await eslint.lintFiles([filePath]) : await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries (@nx/enforce-module-boundaries by project tags)', () => {
  beforeAll(() => {
    // The rule reads Nx's cached project graph and silently skips itself without one: make sure it is there.
    execFileSync(path.join(root, 'node_modules/.bin/nx'), ['show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: 'ignore',
    });
  });

  it('fails lint when a library imports an application', async () => {
    expect(await boundaryErrors(`${fixtures}/lib/src/imports-an-app.ts`)).toEqual(['Imports of apps are forbidden']);
  });

  it('fails lint when a tool imports an application', async () => {
    const errors = await boundaryErrors(
      'tools/workspace/src/imports-an-app.ts',
      "import { appOnly } from '@platform/boundary-fixture-app';\nexport const x = appOnly;\n",
    );
    expect(errors).toEqual(['Imports of apps are forbidden']);
  });

  it('fails lint when library code imports a tool, by the type:lib tag constraint', async () => {
    const errors = await boundaryErrors(
      `${fixtures}/lib/src/uses-a-tool.ts`,
      "import { infraUp } from '@platform/infra';\nexport const up = infraUp;\n",
    );
    expect(errors).toEqual(['A project tagged with "type:lib" can only depend on libs tagged with "type:lib"']);
  });

  it("lets a library's tests use the infra test helpers", async () => {
    const errors = await boundaryErrors(
      `${fixtures}/lib/src/uses-a-tool.spec.ts`,
      "import { createTestDatabase } from '@platform/infra/testing';\nexport const db = createTestDatabase;\n",
    );
    expect(errors).toEqual([]);
  });

  it('passes a library that keeps to its own imports', async () => {
    expect(await boundaryErrors(`${fixtures}/lib/src/index.ts`)).toEqual([]);
  });
});
