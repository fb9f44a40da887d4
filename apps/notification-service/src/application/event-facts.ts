import type { EventEnvelope } from '@platform/contracts';

/** What every notification keeps of the event that made it. */
export interface EventFacts {
  eventId: string;
  eventType: string;
  occurredAt: Date;
  /** The event's key (its aggregate: the invoice, the user): notifications of one key go out in order. */
  aggregateId: string;
}

/** The facts of an envelope. */
export function factsOf(envelope: EventEnvelope<object>): EventFacts {
  return {
    eventId: envelope.eventId,
    eventType: envelope.type,
    occurredAt: new Date(envelope.occurredAt),
    aggregateId: envelope.aggregateId,
  };
}
