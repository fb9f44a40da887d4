import type { EventContract, EventOf, PayloadOf } from '@platform/contracts';
import { RequestContext } from '@platform/logging';
import { v7 as uuidv7 } from 'uuid';

/** What a use case says about a new event; the rest of the envelope is filled in. */
export interface NewEvent<TContract extends EventContract> {
  /** The aggregate the event is about; also the Kafka key, so its events stay in order. */
  aggregateId: string;
  payload: PayloadOf<TContract>;
  /** When the fact happened; now by default. */
  occurredAt?: Date;
  /** The request or event that caused this one (an event id, when a consumer publishes). */
  causationId?: string;
  /** Defaults to the correlation id of the current request or event, else a new id. */
  correlationId?: string;
}

/** Builds the envelope of a new event of `contract`, published by `source`. */
export function createEvent<TContract extends EventContract>(
  contract: TContract,
  source: string,
  event: NewEvent<TContract>,
): EventOf<TContract> {
  const causationId = event.causationId ?? RequestContext.get('eventId');
  return {
    eventId: uuidv7(),
    type: contract.type,
    version: contract.version,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    source,
    aggregateId: event.aggregateId,
    correlationId: event.correlationId ?? RequestContext.get('correlationId') ?? uuidv7(),
    ...(causationId === undefined ? {} : { causationId }),
    payload: event.payload,
  } as unknown as EventOf<TContract>;
}
