import type { ReadinessCheck, ReadinessCheckContext, ReadinessDetails } from '@platform/monitoring';
import type { EventFeed } from '../feed/event-feed.js';

export interface EventFeedCheckOptions {
  /** The feed, or a function finding it, e.g. `({ moduleRef }) => moduleRef.get(MyFeed).feed`. */
  feed: EventFeed | ((context: ReadinessCheckContext) => EventFeed | undefined);
  name?: string;
}

/**
 * Ready once the feed's start-up replay has caught up: before, the state it builds is missing the
 * replayed events. Later staleness (Kafka away) does not make the service unready: what stale
 * state means is the service's call (the gateway fails closed), and every instance would go
 * unready at once. Details show how stale the feed is and how far behind.
 */
export function eventFeedCheck(options: EventFeedCheckOptions): ReadinessCheck {
  return {
    name: options.name ?? 'event-feed',
    async check(context: ReadinessCheckContext): Promise<ReadinessDetails> {
      const feed = typeof options.feed === 'function' ? options.feed(context) : options.feed;
      if (!feed) throw new Error('the event feed has not been created');
      const status = feed.status();
      const lag = Object.values(status.lag).reduce((sum, value) => sum + value, 0);
      const details = {
        state: status.state,
        replayed: status.replayed,
        caughtUpAsOf: status.caughtUpAsOf ?? null,
        stalenessSeconds: Math.round(status.stalenessSeconds),
        lag,
      };
      if (status.replayed) return details;
      const why = status.lastError ? `; last error: ${status.lastError}` : '';
      throw new Error(`feed ${status.name} is ${status.state} and has not replayed its topics yet (lag ${lag})${why}`);
    },
  };
}
