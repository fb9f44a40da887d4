import path from 'node:path';
import { infraPaths } from '@platform/infra';
import { startChaosSystem, type ChaosSystem } from './chaos-system.js';
import { runChecks, type CheckResult } from './checks.js';
import { injectFaults } from './fault-injector.js';
import { describeFault, planFaults } from './fault-schedule.js';
import { emptyLedger } from './ledger.js';
import { MailArchive } from './mail-archive.js';
import { observe } from './observe.js';
import type { ChaosOptions } from './options.js';
import { publishPoisonedEvents } from './poison.js';
import { awaitQuiescence, type Quiescence } from './quiescence.js';
import { seededRandom } from './random.js';
import { startWebhookReceiver, type WebhookReceiver } from './receivers.js';
import type { ChaosResult } from './report.js';
import { runActor, type TrafficDemand, type WorkloadSize } from './workload.js';

/** Poisoned records per run (alternating the two kinds), spread over the fault window. */
const POISONED = { short: 2, full: 6 };

/** How long the system may take to settle after the last fault. */
const QUIESCENCE_MS = { short: 180_000, full: 300_000 };

/**
 * A whole chaos run: the system on infrastructure of its own, the seeded workload and fault
 * schedule side by side, quiescence, the checks. Everything it started is stopped before it
 * returns or throws; `signal` (Ctrl-C) cuts the run short and stops everything too.
 */
export async function runChaos(
  options: ChaosOptions,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<ChaosResult> {
  const durationMs = options.durationSeconds * 1000;
  // The schedule first: the workload's draws never shift it.
  const schedule = planFaults(seededRandom(options.seed ^ 0x5eed), durationMs, options.short);
  log(`seed ${options.seed}; workload for ${options.durationSeconds} s; fault schedule:`);
  for (const fault of schedule) log(describeFault(fault));
  const poisonCount = options.short ? POISONED.short : POISONED.full;
  const poisonMoments = Array.from({ length: poisonCount }, (_, i) =>
    Math.round(durationMs * (0.1 + (0.7 * (i + 0.5)) / poisonCount)),
  );
  const size: WorkloadSize = options.short
    ? { actors: 4, invoicesPerBusiness: 3 }
    : { actors: 12, invoicesPerBusiness: 8 };

  const runDir = path.join(infraPaths().root, 'chaos', `run-${options.seed}-${Date.now()}`);
  let system: ChaosSystem | undefined;
  let starting: Promise<ChaosSystem> | undefined;
  const receivers: WebhookReceiver[] = [];
  const aborted = new Promise<never>((_, reject) => {
    const stop = () => reject(new Error('interrupted'));
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    const work = async (): Promise<ChaosResult> => {
      receivers.push(await startWebhookReceiver(), await startWebhookReceiver());
      starting = startChaosSystem(runDir, log);
      system = await starting;
      log(`system up (gateway ${system.gatewayUrl}); service logs in ${system.logFile}`);
      const mail = new MailArchive(system.mailpit.apiUrl);
      const ledger = emptyLedger();
      const startedAt = Date.now();
      const until = startedAt + durationMs;
      // Events keep flowing while faults last (a slow restart can outlast the planned window), until Ctrl-C.
      let faultsDone = false;
      const keepGoing = () => !signal?.aborted && (!faultsDone || Date.now() < until);
      const traffic: TrafficDemand = { wanted: false };
      const actors = Array.from({ length: size.actors }, (_, actor) =>
        runActor(
          system!.gatewayUrl,
          actor,
          seededRandom(options.seed + actor + 1),
          size,
          receivers[actor % receivers.length]!,
          ledger,
          keepGoing,
          traffic,
        ),
      );
      const poisoning = publishPoisonedEvents(system, ledger, poisonMoments, startedAt, log);
      poisoning.catch(() => undefined);
      const injected = await injectFaults(system, receivers, mail, schedule, startedAt, traffic, log);
      faultsDone = true;
      log('faults done; waiting for the workload to finish');
      await Promise.all([...actors, poisoning]);
      log(`workload done: ${ledger.acceptedRequests} accepted requests; waiting for quiescence`);
      const quiet = await awaitQuiescence(
        system,
        Date.now() + (options.short ? QUIESCENCE_MS.short : QUIESCENCE_MS.full),
        log,
      );
      const recoveredWithinSeconds = Math.round((Date.now() - injected.lastEndedAt) / 1000);
      const observations = await observe(system, ledger, mail, receivers);
      const checks = [quiescenceCheck(quiet), ...runChecks(observations)];
      const violations = checks.flatMap((check) => check.violations);
      return {
        seed: options.seed,
        requests: ledger.acceptedRequests,
        events: observations.eventCount,
        faults: injected.counts,
        aimedKills: injected.aimedKills,
        poisoned: ledger.poisoned.length,
        lost: violations.filter((v) => v.kind === 'lost').length,
        duplicates: violations.filter((v) => v.kind === 'duplicate').length,
        orderViolations: violations.filter((v) => v.kind === 'order').length,
        recoveredWithinSeconds,
        checks,
      };
    };
    return await Promise.race([work(), aborted]);
  } finally {
    log('stopping everything this run started');
    // Interrupted while starting: the start finishes (or fails and cleans up) first, then it stops.
    const started = system ?? (await starting?.catch(() => undefined));
    await started?.stop();
    for (const receiver of receivers) await receiver.stop();
  }
}

/** Quiescence not reached by its deadline is something still undelivered: a loss. */
function quiescenceCheck(quiet: Quiescence): CheckResult {
  const check = 'quiescence before the deadline';
  return {
    check,
    checked: 1,
    violations: quiet.reached
      ? []
      : [
          {
            check,
            kind: 'lost',
            detail: `outbox rows ${quiet.outboxRows}, consumer lag ${quiet.consumerLag}, unsent notifications ${quiet.unsettled}, undecided payments ${quiet.pendingPayments}`,
          },
        ],
  };
}
