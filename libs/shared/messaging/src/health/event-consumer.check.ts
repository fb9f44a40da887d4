import type { ReadinessCheck, ReadinessDetails } from '@platform/monitoring';
import type { EventConsumer } from '../consumer/event-consumer.js';

export interface EventConsumerCheckOptions {
  /** The consumer, or a function returning it once it exists (e.g. `() => transport.eventConsumer()`). */
  consumer: EventConsumer | (() => EventConsumer | undefined);
  /** A rebalance longer than this counts as stuck; default 60 s. */
  maxRebalanceMs?: number;
  name?: string;
}

/**
 * Ready when the consumer has joined its group and is consuming: not starting, crashed or stopped,
 * and not stuck rebalancing. Details show the group, assigned partitions, lag and the session
 * timeout (how long a crashed member's partitions wait).
 */
export function eventConsumerCheck(options: EventConsumerCheckOptions): ReadinessCheck {
  const maxRebalanceMs = options.maxRebalanceMs ?? 60_000;
  return {
    name: options.name ?? 'kafka-consumer',
    async check(): Promise<ReadinessDetails> {
      const consumer = typeof options.consumer === 'function' ? options.consumer() : options.consumer;
      if (!consumer) throw new Error('the event consumer has not started');
      const status = consumer.status();
      const partitions = Object.values(status.assigned).reduce((sum, list) => sum + list.length, 0);
      const lag = Object.values(status.lag).reduce((sum, value) => sum + value, 0);
      const details = {
        state: status.state,
        group: status.groupId,
        partitions,
        lag,
        sessionTimeoutMs: status.sessionTimeoutMs,
      };
      const forMs = Date.now() - Date.parse(status.since);
      if (status.state === 'running') return details;
      if (status.state === 'rebalancing' && forMs < maxRebalanceMs) return details;
      const why = status.lastError ? `: ${status.lastError}` : '';
      throw new Error(`consumer group ${status.groupId} is ${status.state} for ${Math.round(forMs / 1000)} s${why}`);
    },
  };
}
