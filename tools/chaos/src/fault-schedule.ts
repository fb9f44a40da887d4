import { PLATFORM_SERVICES, type PlatformService } from './chaos-system.js';
import type { Random } from './random.js';

/** The kinds of fault a run injects; each is counted in the result. */
export const FAULT_KINDS = [
  'service-kill',
  'kafka-restart',
  'postgres-restart',
  'redis-outage',
  'smtp-outage',
  'receivers-failing',
  'sandbox-duplicate-reorder',
  'sandbox-drop',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** One planned fault: when (ms after the workload started), what, and for how long it lasts. */
export interface PlannedFault {
  atMs: number;
  kind: FaultKind;
  /** The service a service-kill hits. */
  target?: PlatformService;
  /** How long an outage lasts (a kill is restarted at once: its outage is the restart). */
  forMs: number;
}

/**
 * The fault schedule of a run, from its seed alone: the same seed and duration give the same
 * schedule. Every platform service is SIGKILLed `killsPerService` times at random moments while
 * the workload runs (a relay in the middle of a batch, a consumer in the middle of a handler: with
 * events flowing all the time, a random moment is mostly one of those), and every other kind hits
 * once (twice in a long run). Faults fall within the first 80% of the run, so the last part shows
 * the system working again under load.
 */
export function planFaults(random: Random, durationMs: number, short: boolean): PlannedFault[] {
  const killsPerService = short ? 1 : 3;
  const othersEach = short ? 1 : 2;
  const at = () => Math.round(durationMs * (0.05 + 0.75 * random.next()));
  const outage = () => (short ? random.int(3_000, 8_000) : random.int(5_000, 20_000));
  const faults: PlannedFault[] = [];
  for (const target of PLATFORM_SERVICES) {
    for (let i = 0; i < killsPerService; i++) faults.push({ atMs: at(), kind: 'service-kill', target, forMs: 0 });
  }
  for (const kind of FAULT_KINDS) {
    if (kind === 'service-kill') continue;
    for (let i = 0; i < othersEach; i++) faults.push({ atMs: at(), kind, forMs: outage() });
  }
  return faults.sort((a, b) => a.atMs - b.atMs);
}

/** One line per fault, as printed at the start of a run. */
export function describeFault(fault: PlannedFault): string {
  const when = `+${(fault.atMs / 1000).toFixed(1)}s`.padStart(8);
  return fault.kind === 'service-kill'
    ? `${when}  SIGKILL ${fault.target}, then restart`
    : `${when}  ${fault.kind} for ${(fault.forMs / 1000).toFixed(1)} s`;
}
