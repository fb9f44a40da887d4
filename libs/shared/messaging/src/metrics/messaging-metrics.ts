import { defineMetrics } from '@platform/monitoring';

const EVENT_LABELS = ['topic', 'event_type'] as const;
const CONSUMER_LABELS = ['topic', 'event_type', 'consumer_group'] as const;

/**
 * The metrics of the messaging library, declared once per process. Labels are topics, contract
 * types and group names: bounded sets fixed by code, never ids. `event_type` is `unknown` for a
 * message whose type could not be read.
 */
export function messagingMetrics() {
  return defineMetrics({
    messaging_events_published_total: {
      kind: 'counter',
      help: 'Events the outbox relay published to Kafka.',
      labelNames: EVENT_LABELS,
    },
    messaging_publish_failures_total: {
      kind: 'counter',
      help: 'Outbox batches Kafka refused or did not acknowledge; the rows stay pending and are retried.',
      labelNames: ['topic'],
    },
    messaging_outbox_pending_events: {
      kind: 'gauge',
      help: 'Outbox rows written but not yet published.',
    },
    messaging_outbox_oldest_pending_age_seconds: {
      kind: 'gauge',
      help: 'Age of the oldest unpublished outbox row; 0 when none is pending.',
    },
    messaging_events_consumed_total: {
      kind: 'counter',
      help: 'Events whose handler succeeded (first delivery or a retry).',
      labelNames: CONSUMER_LABELS,
    },
    messaging_events_duplicate_total: {
      kind: 'counter',
      help: 'Redelivered events the inbox recognised and skipped.',
      labelNames: CONSUMER_LABELS,
    },
    messaging_events_retried_total: {
      kind: 'counter',
      help: 'Failed handler attempts that were parked for another try.',
      labelNames: CONSUMER_LABELS,
    },
    messaging_events_parked_behind_total: {
      kind: 'counter',
      help: 'Events parked unhandled because an earlier event of their key is still failing.',
      labelNames: CONSUMER_LABELS,
    },
    messaging_events_dead_lettered_total: {
      kind: 'counter',
      help: 'Events sent to the DLQ: malformed, not retryable, or out of retries.',
      labelNames: [...CONSUMER_LABELS, 'reason'],
    },
    messaging_handler_duration_seconds: {
      kind: 'histogram',
      help: 'Time an event handler took, its transaction included.',
      labelNames: [...CONSUMER_LABELS, 'outcome'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    },
    messaging_consumer_lag: {
      kind: 'gauge',
      help: 'Messages in a partition after the last one this consumer handled.',
      labelNames: ['topic', 'partition', 'consumer_group'],
    },
  });
}

export type MessagingMetrics = ReturnType<typeof messagingMetrics>;
