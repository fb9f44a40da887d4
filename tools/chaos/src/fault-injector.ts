import { aimedKill, emptyAimedKillCounts, type AimedKillCounts } from './aimed-kill.js';
import type { ChaosSystem } from './chaos-system.js';
import { describeFault, FAULT_KINDS, type FaultKind, type PlannedFault } from './fault-schedule.js';
import type { MailArchive } from './mail-archive.js';
import type { WebhookReceiver } from './receivers.js';
import type { TrafficDemand } from './workload.js';

/** What the injector did: faults per kind, what the aimed kills hit, and when the last fault ended (the system whole again). */
export interface InjectedFaults {
  counts: Record<FaultKind, number>;
  aimedKills: AimedKillCounts;
  lastEndedAt: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the schedule against the system, one fault at a time in order (a fault that is due while
 * the previous one still lasts, e.g. a slow restart, starts right after it). `log` gets a line as
 * each begins. While an aimed kill waits for its moment, `traffic` asks the workload for events.
 */
export async function injectFaults(
  system: ChaosSystem,
  receivers: WebhookReceiver[],
  mail: MailArchive,
  schedule: PlannedFault[],
  startedAt: number,
  traffic: TrafficDemand,
  log: (line: string) => void,
): Promise<InjectedFaults> {
  const counts = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  const aimedKills = emptyAimedKillCounts();
  let lastEndedAt = startedAt;
  const sandboxFaults = (body: unknown) =>
    fetch(`${system.sandboxUrl}/admin/faults`, {
      method: body === undefined ? 'DELETE' : 'PUT',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then((response) => {
      if (!response.ok) throw new Error(`sandbox faults: ${response.status}`);
    });
  for (const fault of schedule) {
    const wait = startedAt + fault.atMs - Date.now();
    if (wait > 0) await sleep(wait);
    log(`fault  ${describeFault(fault).trim()} (at +${((Date.now() - startedAt) / 1000).toFixed(1)}s)`);
    switch (fault.kind) {
      case 'service-kill':
        await system.kill(fault.target!);
        await system.restart(fault.target!);
        break;
      case 'relay-kill-mid-batch':
      case 'consumer-kill-mid-handler': {
        // Events must flow for the moment to come: the actors make invoices while it is awaited.
        traffic.wanted = true;
        const report = await aimedKill(system, fault.kind, () => (traffic.wanted = false)).finally(
          () => (traffic.wanted = false),
        );
        aimedKills[fault.kind][report.outcome]++;
        log(`aimed  ${fault.kind} ${fault.target}: ${report.outcome} (${report.detail})`);
        break;
      }
      case 'kafka-restart':
        await system.kafka.stop();
        await sleep(fault.forMs);
        await system.kafka.start();
        break;
      case 'postgres-restart':
        await system.postgres.stop();
        await sleep(fault.forMs);
        await system.postgres.start();
        break;
      case 'redis-outage':
        await system.redis.stop();
        await sleep(fault.forMs);
        await system.redis.start();
        break;
      case 'smtp-outage':
        // Refuse first, so nothing arrives between keeping what Mailpit holds and stopping it.
        await system.mailpit.reject(451);
        await mail.settle();
        await mail.collect();
        await system.mailpit.stop();
        await sleep(fault.forMs);
        await system.mailpit.start();
        break;
      case 'receivers-failing':
        for (const receiver of receivers) receiver.setFailing(true);
        await sleep(fault.forMs);
        for (const receiver of receivers) receiver.setFailing(false);
        break;
      case 'sandbox-duplicate-reorder':
        await sandboxFaults({ webhooks: { duplicate: true, reorder: true } });
        await sleep(fault.forMs);
        await sandboxFaults(undefined);
        break;
      case 'sandbox-drop':
        await sandboxFaults({ webhooks: { drop: true } });
        await sleep(fault.forMs);
        await sandboxFaults(undefined);
        break;
    }
    counts[fault.kind]++;
    lastEndedAt = Date.now();
  }
  return { counts, aimedKills, lastEndedAt };
}
