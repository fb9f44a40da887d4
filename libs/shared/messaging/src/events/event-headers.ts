import { EVENT_CONTENT_TYPE, KafkaHeader, type EventEnvelope } from '@platform/contracts';
import { injectTraceContext } from '@platform/observability';
import type { IHeaders } from 'kafkajs';

/** Kafka headers as text, the form they are stored in (outbox, parked events) and compared in. */
export type TextHeaders = Record<string, string>;

/**
 * The headers of an event written now: its type, version and correlation id, plus the active
 * trace context and baggage, which the relay continues when it publishes the row.
 */
export function eventHeaders(envelope: EventEnvelope): TextHeaders {
  const headers: TextHeaders = {
    [KafkaHeader.contentType]: EVENT_CONTENT_TYPE,
    [KafkaHeader.eventType]: envelope.type,
    [KafkaHeader.eventVersion]: String(envelope.version),
    [KafkaHeader.correlationId]: envelope.correlationId,
  };
  return injectTraceContext(headers);
}

/** kafkajs headers (Buffers, strings or arrays of them) as text; the first value wins for repeated names. */
export function headersToText(headers: IHeaders | undefined): TextHeaders {
  const text: TextHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
}
