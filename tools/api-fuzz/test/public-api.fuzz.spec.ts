import { schemathesisBin } from '@platform/infra/testing';
import { describe, expect, it } from 'vitest';
import { describeReport, fuzzTheSystem } from '../src/index.js';

// The public contract and the running system agree: schemathesis (`--checks all`) calls every
// operation of apps/gateway/openapi.json against the live gateway, as a user and as an admin, and
// any finding fails the build. A new route in the contract is fuzzed with no change here.
describe('the public API contract, fuzzed against the live system', () => {
  it('has no finding, covers every operation, and every signed-in operation was reached signed in', async () => {
    const report = await fuzzTheSystem({ bin: schemathesisBin(), maxExamples: 40 });
    const findings = report.results
      .filter((result) => result.exitCode !== 0)
      .map((result) => `--- ${result.persona} ---\n${result.output}`)
      .join('\n');
    expect(report.ok, `${describeReport(report)}\n${findings}`).toBe(true);
    expect(report.results.map((result) => result.persona)).toEqual(['user', 'admin']);
  }, 900_000);
});
