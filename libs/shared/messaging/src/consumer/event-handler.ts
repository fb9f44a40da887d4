import type { EventEnvelope } from '@platform/contracts';
import type { EntityManager } from 'typeorm';
import type { TextHeaders } from '../events/event-headers.js';

/** One event as a handler receives it: the validated envelope and where it came from. */
export interface DeliveredEvent<TEnvelope extends EventEnvelope = EventEnvelope> {
  envelope: TEnvelope;
  topic: string;
  partition: number;
  offset: string;
  key: string;
  headers: TextHeaders;
  /** 1 on the first delivery, then 2, 3... for retries of a parked event. */
  attempt: number;
}

/**
 * Application code for one event type, as the consumer engine calls it. Contract: `handle` makes
 * its database effects through `manager`, which is the transaction that also records the events
 * in the inbox; it resolves when done and throws to fail (see `isRetryable` for what is retried).
 * External side effects must use each event's id as their idempotency key.
 */
export interface EventHandler {
  readonly eventType: string;
  /** True when the handler takes several events at once (`handle` then gets up to `maxBatchSize`). */
  readonly batch: boolean;
  handle(events: DeliveredEvent[], manager: EntityManager): Promise<void>;
}
