import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AuditRun } from './audit.js';
import { describeVerdict, judgeAudit } from './audit-verdict.js';
import { type Lockfile } from './lockfile.js';

// Outputs of `npm audit --omit=dev --audit-level=critical --json` captured on this machine: the
// registry here (405), an unresolvable registry, and a loopback advisory service answering with
// one advisory against uuid (critical, then high); npm run where there is no lockfile.
const captured = (name: string) =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/${name}.json`, import.meta.url), 'utf8')) as AuditRun;

const lock: Lockfile = {
  name: 'platform',
  version: '0.1.0',
  lockfileVersion: 3,
  packages: { '': {}, 'node_modules/uuid': { version: '14.0.3' } },
};

describe('the audit verdict', () => {
  it('fails on a critical advisory and names the package, its version, the advisory and the fix', () => {
    const verdict = judgeAudit(captured('npm-audit-critical'), lock);

    expect(verdict).toEqual({
      outcome: 'failed',
      findings: [
        {
          name: 'uuid',
          versions: ['14.0.3'],
          advisories: [
            {
              id: 'GHSA-test-test-test',
              title: 'Test critical',
              url: 'https://github.com/advisories/GHSA-test-test-test',
              range: '<15.0.0',
            },
          ],
          through: [],
          fix: 'false',
        },
      ],
    });
    expect(describeVerdict(verdict, 390)[1]).toBe(
      '  uuid@14.0.3: GHSA-test-test-test Test critical (affected <15.0.0) https://github.com/advisories/GHSA-test-test-test; fix: false',
    );
  });

  it('passes a report whose worst advisory is high: the step blocks critical ones only', () => {
    const verdict = judgeAudit(captured('npm-audit-high-only'), lock);

    expect(verdict).toMatchObject({ outcome: 'passed', counts: { high: 1, critical: 0 } });
    expect(describeVerdict(verdict, 390)[0]).toMatch(/^PASSED: no critical advisory in 390 production packages/);
  });

  it('skips when the registry refuses the advisory endpoint, as the one reachable here does', () => {
    const verdict = judgeAudit(captured('npm-audit-registry-405'), lock);

    expect(verdict).toEqual({
      outcome: 'skipped',
      reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    expect(describeVerdict(verdict, 390)[0]).toMatch(/^SKIPPED: the advisory service is unreachable/);
  });

  it('skips when the advisory service cannot be resolved', () => {
    expect(judgeAudit(captured('npm-audit-dns-failure'), lock)).toMatchObject({
      outcome: 'skipped',
      reason: expect.stringContaining('ENOTFOUND'),
    });
  });

  it('is an error, not a pass, when npm fails another way or prints no report', () => {
    expect(judgeAudit(captured('npm-audit-no-lockfile'), lock)).toEqual({
      outcome: 'error',
      reason: 'npm audit failed (exit 1): ENOLOCK This command requires an existing lockfile.',
    });
    expect(judgeAudit({ exitCode: 137, stdout: '', stderr: 'Killed' }, lock)).toMatchObject({ outcome: 'error' });
  });

  it('is an error when npm exits non-zero over a report without a critical advisory', () => {
    const run = { ...captured('npm-audit-high-only'), exitCode: 1 };

    expect(judgeAudit(run, lock)).toMatchObject({ outcome: 'error' });
  });
});
