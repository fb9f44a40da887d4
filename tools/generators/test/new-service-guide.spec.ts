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

/** A Vitest JSON report, as far as these checks read it. */
interface TestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

const passedTests = (report: TestReport) =>
  report.testResults
    .flatMap((file) => file.assertionResults)
    .filter((test) => test.status === 'passed')
    .map((test) => test.fullName);

// docs/new-service.md followed in a scratch copy of the workspace: its commands generate the service
// and its own contract, check both (lint, type-check, build, the service's tests against the shared
// PostgreSQL and Kafka, the contracts' tests), show the consumer's reaction, and the service then
// starts as `npm start` starts it, until ready. Minutes on two cores: most of it is Nx
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

  const testReport = (name: string) =>
    JSON.parse(readFileSync(path.join(scratch.root, `.data/test-results/${name}.json`), 'utf8')) as TestReport;

  it('has steps to follow: a dry run, the generation, the checks and the reaction to consumed events', () => {
    expect(steps.map((step) => step.command)).toEqual([
      expect.stringMatching(
        /^npx nx g @platform\/generators:service ledger .*--publishes ledger\.entry\.recorded --dry-run$/,
      ),
      expect.stringMatching(/^npx nx g @platform\/generators:service ledger .*--publishes ledger\.entry\.recorded$/),
      'npx nx run-many -t lint typecheck build test -p ledger-service contracts',
      expect.stringMatching(/ apps\/ledger-service\/src\/application\/record-received-event\.use-case\.ts$/),
      expect.stringMatching(
        /^npx vitest run --config apps\/ledger-service\/vitest\.config\.ts .*test\/consumed-events\.spec\.ts$/,
      ),
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
        expect(existsSync(path.join(scratch.root, 'libs/shared/contracts/src/ledger'))).toBe(false);
        expect(readFileSync(path.join(scratch.root, 'tools/dev/src/services.ts'), 'utf8')).toBe(devServicesBefore);
      }
      if (step.command.startsWith('npx nx run-many')) {
        // Nx shows only failing tasks' output: the tests' own reports say what ran (read before a later
        // step runs a test file again).
        const service = testReport('apps__ledger-service');
        expect(service.testResults).toHaveLength(4);
        expect(service.numFailedTests).toBe(0);
        expect(service.numPassedTests).toBeGreaterThanOrEqual(12);
        const contracts = testReport('libs__shared__contracts');
        expect(contracts.numFailedTests).toBe(0);
        expect(passedTests(contracts)).toContain('contract examples ledger.entry.recorded v1 validates');
      }
    }
  }, 1_200_000);

  it("records the new contract in contracts.snapshot.json as the contracts' own update writes it", async () => {
    const snapshot = path.join(scratch.root, 'libs/shared/contracts/contracts.snapshot.json');
    const generated = readFileSync(snapshot, 'utf8');
    expect(generated).toContain('"ledger.entry.recorded@v1"');
    // The update refuses an incompatible change and rewrites the file from the classes: unchanged bytes
    // mean the generator wrote what the repository's own tooling writes.
    await scratch.run(
      'npx vitest run --config libs/shared/contracts/vitest.config.ts test/contracts-compatibility.spec.ts',
      { timeoutMs: 180_000, env: { UPDATE_CONTRACT_SNAPSHOT: '1' } },
    );
    expect(readFileSync(snapshot, 'utf8')).toBe(generated);
  }, 240_000);

  it("passes the repository's own compose and migration-Job checks, which check it too", async () => {
    // The fast ones of the specs that derive their services from tools/dev's registry (about 50 s here):
    // the generated service must be checked by them, not ignored and not failing.
    await scratch.run(
      'npx vitest run --config tools/deploy-check/vitest.config.ts test/compose.spec.ts test/migration-jobs.spec.ts',
      // kustomize is the checkout's (.tools, or where LOCAL_TOOLS_DIR says): the copy has none of its own.
      { timeoutMs: 300_000, env: { LOCAL_TOOLS_DIR: process.env['LOCAL_TOOLS_DIR'] ?? path.join(repoRoot, '.tools') } },
    );
    const report = testReport('tools__deploy-check');
    expect(report.numFailedTests).toBe(0);
    const passed = passedTests(report);
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
