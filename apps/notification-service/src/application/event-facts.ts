import type { EventEnvelope } from '@platform/contracts';

/** What every notification keeps of the event that made it. */
export interface EventFacts {
  eventId: string;
  eventType: string;
  occurredAt: Date;
}

/** The facts of an envelope. */
export function factsOf(envelope: EventEnvelope<object>): EventFacts {
  return { eventId: envelope.eventId, eventType: envelope.type, occurredAt: new Date(envelope.occurredAt) };
}
