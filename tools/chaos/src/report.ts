import type { AimedKillCounts } from './aimed-kill.js';
import type { CheckResult } from './checks.js';
import type { FaultKind } from './fault-schedule.js';

/** A run's outcome: what the spec asserts and the last line prints. */
export interface ChaosResult {
  seed: number;
  requests: number;
  events: number;
  faults: Record<FaultKind, number>;
  /** Per aimed kind: kills that hit their moment, came too late, or fell back to a plain kill. */
  aimedKills: AimedKillCounts;
  /** Records the run poisoned on purpose (each must be in its DLQ). */
  poisoned: number;
  lost: number;
  duplicates: number;
  orderViolations: number;
  /** Seconds from the end of the last fault until quiescence (or until its deadline, a violation then). */
  recoveredWithinSeconds: number;
  checks: CheckResult[];
}

/** The table of checks and, last, the one-line summary. */
export function formatReport(result: ChaosResult): string {
  const lines: string[] = [];
  const width = Math.max(...result.checks.map((c) => c.check.length));
  lines.push(`${'check'.padEnd(width)}  checked  lost  duplicate  order`);
  for (const check of result.checks) {
    const of = (kind: string) => String(check.violations.filter((v) => v.kind === kind).length);
    lines.push(
      `${check.check.padEnd(width)}  ${String(check.checked).padStart(7)}  ${of('lost').padStart(4)}  ${of('duplicate').padStart(9)}  ${of('order').padStart(5)}`,
    );
  }
  const violations = result.checks.flatMap((check) => check.violations);
  for (const violation of violations.slice(0, 50))
    lines.push(`  ${violation.kind}: ${violation.check}: ${violation.detail}`);
  if (violations.length > 50) lines.push(`  ... and ${violations.length - 50} more`);
  lines.push(
    `faults: ${Object.entries(result.faults)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')}; poisoned events ${result.poisoned} (seed ${result.seed})`,
  );
  lines.push(
    `aimed kills: ${Object.entries(result.aimedKills)
      .map(
        ([kind, n]) =>
          `${kind} hit ${n.hit} of ${n.hit + n.late + n.fallback} (late ${n.late}, fallback ${n.fallback})`,
      )
      .join('; ')}`,
  );
  const total = Object.values(result.faults).reduce((sum, n) => sum + n, 0);
  lines.push(
    `chaos: requests ${result.requests}, events ${result.events}, faults ${total}, lost ${result.lost}, duplicate effects ${result.duplicates}, order violations ${result.orderViolations}, recovered within ${result.recoveredWithinSeconds} s`,
  );
  return lines.join('\n');
}
