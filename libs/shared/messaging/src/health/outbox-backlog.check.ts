import type { ReadinessCheck, ReadinessCheckContext, ReadinessDetails } from '@platform/monitoring';
import { OutboxRelay } from '../outbox/outbox-relay.js';

export interface OutboxBacklogCheckOptions {
  /** The relay to ask; by default the one MessagingModule registered in the app. */
  relay?: OutboxRelay;
  /** The oldest pending row may be this old before the check fails; default 60 s. */
  maxOldestAgeSeconds?: number;
  name?: string;
}

/**
 * Fails when events stop leaving the outbox (Kafka away for long, a row Kafka refuses): the
 * oldest pending row is older than the limit. Details show the backlog and the relay's last error.
 */
export function outboxBacklogCheck(options: OutboxBacklogCheckOptions = {}): ReadinessCheck {
  const maxAge = options.maxOldestAgeSeconds ?? 60;
  return {
    name: options.name ?? 'outbox',
    async check({ moduleRef }: ReadinessCheckContext): Promise<ReadinessDetails> {
      const relay = options.relay ?? moduleRef.get<OutboxRelay>(OutboxRelay, { strict: false });
      const backlog = await relay.backlog();
      const status = relay.status();
      const details = {
        pending: backlog.pendingEvents,
        oldestAgeSeconds: Math.round(backlog.oldestPendingAgeSeconds),
        relayRunning: status.running,
        lastError: status.lastError ?? null,
      };
      if (backlog.oldestPendingAgeSeconds > maxAge) {
        throw new Error(
          `the oldest unpublished event is ${Math.round(backlog.oldestPendingAgeSeconds)} s old (limit ${maxAge} s)` +
            (status.lastError ? `; last publish error: ${status.lastError}` : ''),
        );
      }
      return details;
    },
  };
}
