import { defineMetrics } from '@platform/monitoring';

/**
 * The metrics of event feeds, declared once per process. `feed` is the name a service gives its
 * feed in code (a bounded set); `event_type` comes from the contracts, `unknown` when unreadable.
 */
export function eventFeedMetrics() {
  return defineMetrics({
    messaging_feed_staleness_seconds: {
      kind: 'gauge',
      help: 'Seconds since the feed last had every event on its topics handled (since its start when it never had).',
      labelNames: ['feed'],
    },
    messaging_feed_events_total: {
      kind: 'counter',
      help: 'Events a feed handed to its handler successfully.',
      labelNames: ['feed', 'event_type'],
    },
    messaging_feed_malformed_events_total: {
      kind: 'counter',
      help: 'Messages a feed skipped because their envelope or payload broke the contract.',
      labelNames: ['feed', 'topic', 'event_type'],
    },
    messaging_feed_handler_failures_total: {
      kind: 'counter',
      help: 'Failed handler calls of a feed; the event is tried again and the feed stays behind meanwhile.',
      labelNames: ['feed', 'event_type'],
    },
  });
}

export type EventFeedMetrics = ReturnType<typeof eventFeedMetrics>;
