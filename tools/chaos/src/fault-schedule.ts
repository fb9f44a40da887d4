import { PLATFORM_SERVICES, type PlatformService } from './chaos-system.js';
import type { Random } from './random.js';

/** The kinds of fault a run injects; each is counted in the result. */
export const FAULT_KINDS = [
  'service-kill',
  'relay-kill-mid-batch',
  'consumer-kill-mid-handler',
  'kafka-restart',
  'postgres-restart',
  'redis-outage',
  'smtp-outage',
  'receivers-failing',
  'sandbox-duplicate-reorder',
  'sandbox-drop',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The kills that wait for a moment inside a service (see aimed-kill.ts) instead of landing at random. */
export const AIMED_KILL_KINDS = ['relay-kill-mid-batch', 'consumer-kill-mid-handler'] as const;
export type AimedKillKind = (typeof AIMED_KILL_KINDS)[number];

/**
 * The service each aimed kill hits: the one whose relay or consumer carries the workload's events
 * (the business-service publishes every invoice event; the notification-service consumes them).
 * The others' relays and consumers only see registrations and erasures, too rarely to aim at.
 */
export const AIMED_KILL_TARGETS: Record<AimedKillKind, PlatformService> = {
  'relay-kill-mid-batch': 'business-service',
  'consumer-kill-mid-handler': 'notification-service',
};

const isAimedKill = (kind: FaultKind): kind is AimedKillKind => (AIMED_KILL_KINDS as readonly string[]).includes(kind);

/** One planned fault: when (ms after the workload started), what, and for how long it lasts. */
export interface PlannedFault {
  atMs: number;
  kind: FaultKind;
  /** The service a kill (random or aimed) hits. */
  target?: PlatformService;
  /** How long an outage lasts (a kill is restarted at once: its outage is the restart). */
  forMs: number;
}

/**
 * The fault schedule of a run, from its seed alone: the same seed and duration give the same
 * schedule. Every platform service is SIGKILLed `killsPerService` times at random moments while
 * the workload runs; the aimed kills (a relay in the middle of a batch, a consumer in the middle of
 * a handler) hit once each in a short run and three times each in a long one; every other kind
 * hits once (twice in a long run). Faults fall within the first 80% of the run, so the last part shows
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
  for (const kind of AIMED_KILL_KINDS) {
    const target = AIMED_KILL_TARGETS[kind];
    for (let i = 0; i < killsPerService; i++) faults.push({ atMs: at(), kind, target, forMs: 0 });
  }
  for (const kind of FAULT_KINDS) {
    if (kind === 'service-kill' || isAimedKill(kind)) continue;
    for (let i = 0; i < othersEach; i++) faults.push({ atMs: at(), kind, forMs: outage() });
  }
  return faults.sort((a, b) => a.atMs - b.atMs);
}

/** One line per fault, as printed at the start of a run. */
export function describeFault(fault: PlannedFault): string {
  const when = `+${(fault.atMs / 1000).toFixed(1)}s`.padStart(8);
  if (fault.kind === 'service-kill') return `${when}  SIGKILL ${fault.target}, then restart`;
  if (fault.kind === 'relay-kill-mid-batch')
    return `${when}  SIGKILL ${fault.target} with its outbox relay mid-batch, then restart`;
  if (fault.kind === 'consumer-kill-mid-handler')
    return `${when}  SIGKILL ${fault.target} with its consumer mid-handler, then restart`;
  return `${when}  ${fault.kind} for ${(fault.forMs / 1000).toFixed(1)} s`;
}
