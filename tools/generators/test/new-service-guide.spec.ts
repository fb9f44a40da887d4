import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@platform/infra';
import { uniqueName } from '@platform/infra/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchWorkspace, repoRoot, type ScratchWorkspace } from './support/scratch-workspace.js';

/** A command of the guide and the lines it says you should see. */
interface GuideStep {
  command: string;
  expected: string[];
}

/** Every ```sh block of the guide, in order, with the lines of the ```text block that follows it (before the next sh block). */
function guideSteps(markdown: string): GuideStep[] {
  const blocks = [...markdown.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map(([, lang, body]) => ({
    lang,
    body: body!,
  }));
  const steps: GuideStep[] = [];
  for (const block of blocks) {
    if (block.lang === 'sh') steps.push({ command: block.body.trim(), expected: [] });
    else if (block.lang === 'text' && steps.length > 0 && steps.at(-1)!.expected.length === 0) {
      steps.at(-1)!.expected = block.body.split('\n').filter((line) => line.trim() !== '');
    }
  }
  return steps;
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

// docs/new-service.md followed in a scratch copy of the workspace: its commands generate the service,
// check it (lint, type-check, build, its tests against the shared PostgreSQL and Kafka), and the
// service then starts as `npm start` starts it, until ready. Minutes on two cores: most of it is Nx
// type-checking and building the libraries the service depends on.
describe('docs/new-service.md, followed in a scratch copy of the workspace', () => {
  const guide = readFileSync(path.join(repoRoot, 'docs/new-service.md'), 'utf8');
  const steps = guideSteps(guide);
  let scratch: ScratchWorkspace;
  let devServicesBefore: string;

  beforeAll(() => {
    scratch = createScratchWorkspace();
    devServicesBefore = readFileSync(path.join(scratch.root, 'tools/dev/src/services.ts'), 'utf8');
  }, 120_000);

  afterAll(() => scratch?.remove());

  it('has steps to follow: a dry run, the generation and the checks', () => {
    expect(steps.map((step) => step.command)).toEqual([
      expect.stringMatching(/^npx nx g @platform\/generators:service ledger .*--dry-run$/),
      expect.stringMatching(/^npx nx g @platform\/generators:service ledger /),
      'npx nx run-many -t lint typecheck build test -p ledger-service',
    ]);
    for (const step of steps) expect(step.expected.length).toBeGreaterThan(0);
  });

  it('runs every command of the guide and shows what the guide says', async () => {
    for (const step of steps) {
      const output = squeeze(await scratch.run(step.command, { timeoutMs: 900_000 }));
      for (const line of step.expected) expect(output, `after \`${step.command}\``).toContain(squeeze(line));
      if (step.command.endsWith('--dry-run')) {
        // A dry run lists and writes nothing.
        expect(existsSync(path.join(scratch.root, 'apps/ledger-service'))).toBe(false);
        expect(readFileSync(path.join(scratch.root, 'tools/dev/src/services.ts'), 'utf8')).toBe(devServicesBefore);
      }
    }
    // Nx shows only failing tasks' output: the generated tests' own report says what ran.
    const report = JSON.parse(
      readFileSync(path.join(scratch.root, '.data/test-results/apps__ledger-service.json'), 'utf8'),
    ) as { numTotalTestSuites: number; numPassedTests: number; numFailedTests: number; testResults: unknown[] };
    expect(report.testResults).toHaveLength(4);
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBeGreaterThanOrEqual(10);
  }, 1_200_000);

  it("passes the repository's own compose and migration-Job checks, which check it too", async () => {
    // The fast ones of the specs that derive their services from tools/dev's registry (about 50 s here):
    // the generated service must be checked by them, not ignored and not failing.
    await scratch.run(
      'npx vitest run --config tools/deploy-check/vitest.config.ts test/compose.spec.ts test/migration-jobs.spec.ts',
      // kustomize is the checkout's (.tools, or where LOCAL_TOOLS_DIR says): the copy has none of its own.
      { timeoutMs: 300_000, env: { LOCAL_TOOLS_DIR: process.env['LOCAL_TOOLS_DIR'] ?? path.join(repoRoot, '.tools') } },
    );
    const report = JSON.parse(
      readFileSync(path.join(scratch.root, '.data/test-results/tools__deploy-check.json'), 'utf8'),
    ) as { numFailedTests: number; testResults: { assertionResults: { fullName: string; status: string }[] }[] };
    expect(report.numFailedTests).toBe(0);
    const passed = report.testResults
      .flatMap((file) => file.assertionResults)
      .filter((test) => test.status === 'passed')
      .map((test) => test.fullName);
    expect(passed).toContainEqual(expect.stringMatching(/^docker-compose\.yml ledger-service sets every setting/));
    expect(passed).toContainEqual(expect.stringMatching(/^ledger-service-migrate, run on the service build applies/));
  }, 360_000);

  it('refuses to generate the same service twice, and writes nothing', async () => {
    const generate = steps[1]!.command;
    const before = readFileSync(path.join(scratch.root, 'tools/dev/src/services.ts'), 'utf8');
    await expect(scratch.run(generate)).rejects.toThrow(/ledger-service already exists \(apps\/ledger-service\)/);
    expect(readFileSync(path.join(scratch.root, 'tools/dev/src/services.ts'), 'utf8')).toBe(before);
  }, 120_000);

  it('starts the generated service as npm start does, ready on its management port, its route writing to its database', async () => {
    const [port, managementPort] = [await freePort(), await freePort()];
    const output = await scratch.run(
      'node --import @swc-node/register/esm-register tools/generators/test/support/start-as-npm-start.ts ledger-service',
      {
        timeoutMs: 180_000,
        env: {
          LEDGER_SERVICE_PORT: String(port),
          LEDGER_SERVICE_MANAGEMENT_PORT: String(managementPort),
          LEDGER_DATABASE: uniqueName('ledger').toLowerCase(),
          LEDGER_CONSUMER_GROUP: uniqueName('ledger'),
        },
      },
    );
    expect(output).toContain(`ready http://127.0.0.1:${managementPort}/health/ready`);
    expect(output).toMatch(/POST \/items 201 \{"id":"[0-9a-f-]{36}","name":"Blue widget"/);
  }, 240_000);
});
