import { type AuditRun } from './audit.js';
import { type Lockfile } from './lockfile.js';

/** One production package with a critical advisory, as npm audit reported it. */
export interface CriticalFinding {
  name: string;
  /** Installed versions, from the lockfile entries npm audit named. */
  versions: string[];
  /** The critical advisories against the package itself: id, title, link, affected range. */
  advisories: { id: string; title: string; url: string; range: string }[];
  /** Vulnerable packages it is critical through (npm's "via" by name). */
  through: string[];
  /** npm's answer on a fix: false, true, or the upgrade that fixes it. */
  fix: string;
}

export type AuditVerdict =
  | { outcome: 'passed'; counts: Record<string, number> }
  | { outcome: 'failed'; findings: CriticalFinding[] }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'error'; reason: string };

/** npm audit's JSON report (auditReportVersion 2), or its error object. */
interface AuditJson {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, AuditVulnerability>;
  metadata?: { vulnerabilities?: Record<string, number> };
  message?: string;
  error?: { code?: string; summary?: string };
}

interface AuditVulnerability {
  name: string;
  severity: string;
  via: (string | { source: number; name: string; title: string; url: string; severity: string; range: string })[];
  nodes: string[];
  fixAvailable: boolean | { name: string; version: string; isSemVerMajor?: boolean };
}

/** What npm prints when the registry's advisory endpoint did not answer with a report. */
const ENDPOINT_FAILED = 'audit endpoint returned an error';

/**
 * Reads one `npm audit --audit-level=critical --json` run: a report with a critical advisory fails
 * the build, a report without one passes, an advisory service that cannot be reached or refuses
 * the request (as the registry mirror here does: 405) is skipped, and anything else is an error,
 * never a silent pass.
 */
export function judgeAudit(run: AuditRun, lock: Lockfile): AuditVerdict {
  let report: AuditJson;
  try {
    report = JSON.parse(run.stdout) as AuditJson;
  } catch {
    return { outcome: 'error', reason: `npm audit printed no JSON report (exit ${run.exitCode}): ${lastLine(run)}` };
  }
  if (report.auditReportVersion === undefined || report.metadata?.vulnerabilities === undefined) {
    if (run.stderr.includes(ENDPOINT_FAILED)) return { outcome: 'skipped', reason: report.message ?? ENDPOINT_FAILED };
    const why = report.message ?? [report.error?.code, report.error?.summary].filter(Boolean).join(' ');
    return { outcome: 'error', reason: `npm audit failed (exit ${run.exitCode}): ${why || lastLine(run)}` };
  }
  const counts = report.metadata.vulnerabilities;
  const critical = Object.values(report.vulnerabilities ?? {}).filter((v) => v.severity === 'critical');
  if ((counts.critical ?? 0) === 0 && critical.length === 0) {
    if (run.exitCode !== 0)
      return { outcome: 'error', reason: `npm audit exited ${run.exitCode} without a critical advisory` };
    return { outcome: 'passed', counts };
  }
  return { outcome: 'failed', findings: critical.map((vulnerability) => finding(vulnerability, lock)) };
}

function finding(vulnerability: AuditVulnerability, lock: Lockfile): CriticalFinding {
  const advisories = vulnerability.via.flatMap((via) =>
    typeof via === 'object' && via.severity === 'critical'
      ? [{ id: advisoryId(via.url, via.source), title: via.title, url: via.url, range: via.range }]
      : [],
  );
  const fix = vulnerability.fixAvailable;
  return {
    name: vulnerability.name,
    versions: [...new Set(vulnerability.nodes.map((node) => lock.packages[node]?.version ?? '?'))],
    advisories,
    through: vulnerability.via.filter((via): via is string => typeof via === 'string'),
    fix: typeof fix === 'object' ? `${fix.name}@${fix.version}${fix.isSemVerMajor ? ' (major)' : ''}` : String(fix),
  };
}

/** GitHub advisory ids (GHSA-…) are the last segment of npm's advisory URLs. */
function advisoryId(url: string, source: number): string {
  const last = url.split('/').pop() ?? '';
  return last.startsWith('GHSA-') ? last : String(source);
}

function lastLine(run: AuditRun): string {
  const lines = `${run.stderr}\n${run.stdout}`.split('\n').filter((line) => line.trim() !== '');
  return lines.at(-1) ?? '(no output)';
}

/** The lines the CI step prints for a verdict; the first one says PASSED, FAILED, SKIPPED or ERROR. */
export function describeVerdict(verdict: AuditVerdict, productionCount: number): string[] {
  switch (verdict.outcome) {
    case 'passed': {
      const counts = Object.entries(verdict.counts)
        .filter(([severity]) => severity !== 'total')
        .map(([severity, count]) => `${severity} ${count}`)
        .join(', ');
      return [`PASSED: no critical advisory in ${productionCount} production packages (${counts})`];
    }
    case 'failed':
      return [
        `FAILED: ${verdict.findings.length} production package(s) with a critical advisory`,
        ...verdict.findings.map(
          (f) =>
            `  ${f.name}@${f.versions.join(',')}: ${[
              ...f.advisories.map((a) => `${a.id} ${a.title} (affected ${a.range}) ${a.url}`),
              ...f.through.map((name) => `through ${name}`),
            ].join('; ')}; fix: ${f.fix}`,
        ),
      ];
    case 'skipped':
      return [
        `SKIPPED: the advisory service is unreachable from here (${verdict.reason}); the scan runs where it answers`,
      ];
    case 'error':
      return [`ERROR: ${verdict.reason}`];
  }
}
