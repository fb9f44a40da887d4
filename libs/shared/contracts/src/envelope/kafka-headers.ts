/**
 * Names of the Kafka headers every event carries. Trace context travels as W3C headers so that
 * OpenTelemetry's propagators read them unchanged; type and version are duplicated from the
 * envelope so a consumer can route or skip a message without parsing its value.
 */
export const KafkaHeader = {
  /** W3C trace context: the span that produced the event. */
  traceparent: 'traceparent',
  /** W3C vendor-specific trace state. */
  tracestate: 'tracestate',
  /** W3C baggage. */
  baggage: 'baggage',
  /** Id shared by every hop of one piece of work, the same header as over HTTP. */
  correlationId: 'x-correlation-id',
  /** Media type of the message value, always EVENT_CONTENT_TYPE. */
  contentType: 'content-type',
  /** The envelope's `type`, e.g. `business.invoice.issued`. */
  eventType: 'event-type',
  /** The envelope's `version` as a decimal string, e.g. `1`. */
  eventVersion: 'event-version',
} as const;

/** One of the header names in KafkaHeader. */
export type KafkaHeaderName = (typeof KafkaHeader)[keyof typeof KafkaHeader];

/** Media type of every message value: the JSON-serialised EventEnvelope, UTF-8. */
export const EVENT_CONTENT_TYPE = 'application/json';

/**
 * The envelope field used as the Kafka message key. Keying by aggregate keeps every event of one
 * aggregate on one partition, so consumers see an invoice issued before it is paid.
 */
export const MESSAGE_KEY_FIELD = 'aggregateId' as const;
