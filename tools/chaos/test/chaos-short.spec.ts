import { describe, expect, it } from 'vitest';
import { AIMED_KILL_KINDS, FAULT_KINDS } from '../src/fault-schedule.js';
import { parseChaosOptions } from '../src/options.js';
import { formatReport } from '../src/report.js';
import { runChaos } from '../src/run-chaos.js';

// The CI run of `npm run chaos -- --short`: a whole system of its own (PostgreSQL, Kafka, Redis,
// Mailpit, every service) under the seeded workload and every kind of fault, then the checks.
// Starting five services one after another is most of its time on a busy two-core machine.
describe('npm run chaos -- --short', () => {
  it('loses nothing, does nothing twice and keeps order while every kind of fault is injected', async () => {
    const result = await runChaos(parseChaosOptions(['--short', '--seed', '18']), (line) => {
      process.stdout.write(`chaos | ${line}\n`);
    });
    const report = formatReport(result);
    for (const kind of FAULT_KINDS) expect(result.faults[kind], `${kind} injected\n${report}`).toBeGreaterThan(0);
    // Every aimed kill is accounted for; whether it hit its moment is reported, not asserted (it is a race).
    for (const kind of AIMED_KILL_KINDS) {
      const { hit, late, fallback } = result.aimedKills[kind];
      expect(hit + late + fallback, `${kind} outcomes\n${report}`).toBe(result.faults[kind]);
    }
    expect(result.poisoned, report).toBeGreaterThan(0);
    expect(result.requests, report).toBeGreaterThan(0);
    expect(result.events, report).toBeGreaterThan(0);
    expect(
      result.checks.flatMap((check) => check.violations),
      report,
    ).toEqual([]);
    expect([result.lost, result.duplicates, result.orderViolations]).toEqual([0, 0, 0]);
    expect(report.split('\n').at(-1)).toMatch(
      /^chaos: requests \d+, events \d+, faults \d+, lost 0, duplicate effects 0, order violations 0, recovered within \d+ s$/,
    );
  }, 2_400_000);
});
