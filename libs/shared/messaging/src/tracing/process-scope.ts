import { ROOT_CONTEXT, SpanKind, trace, type Link } from '@opentelemetry/api';
import { RequestContext } from '@platform/logging';
import { extractTraceContext, withSpan } from '@platform/observability';
import type { DeliveredEvent } from '../consumer/event-handler.js';

/**
 * Runs `fn` as the handling of `events` by consumer group `group`: in a CONSUMER span and with the
 * events' ids in the log context. One event: the span is a child of the producer's context from
 * its headers. A batch: one span linked to every event's producer context, since a span has one
 * parent; its log lines carry the first event's ids.
 */
export function inProcessScope<T>(events: readonly DeliveredEvent[], group: string, fn: () => Promise<T>): Promise<T> {
  const first = events[0];
  if (!first) throw new RangeError('inProcessScope needs at least one event');
  const { envelope } = first;
  const attributes = {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.destination.name': first.topic,
    'messaging.consumer.group.name': group,
    'messaging.destination.partition.id': String(first.partition),
    'messaging.kafka.offset': Number(first.offset),
    'messaging.message.id': envelope.eventId,
    'messaging.batch.message_count': events.length,
    'event.type': envelope.type,
    'event.attempt': first.attempt,
  };
  const contexts = events.map((event) => extractTraceContext(event.headers, ROOT_CONTEXT));
  const spanOptions =
    events.length === 1
      ? { kind: SpanKind.CONSUMER, attributes, parent: contexts[0] }
      : {
          kind: SpanKind.CONSUMER,
          attributes,
          parent: ROOT_CONTEXT,
          links: contexts
            .map((ctx) => trace.getSpanContext(ctx))
            .filter((spanContext) => spanContext !== undefined)
            .map((spanContext): Link => ({ context: spanContext })),
        };
  return RequestContext.run(
    { eventId: envelope.eventId, eventType: envelope.type, correlationId: envelope.correlationId },
    () => withSpan(`process ${first.topic}`, spanOptions, () => fn()),
  );
}
