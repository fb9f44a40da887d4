import { redact } from '@platform/logging';
import type { ErrorEvent } from '@sentry/node';

/**
 * Sentry's `beforeSend`: the event with everything the log redaction removes removed (secret keys,
 * bearer tokens, JWTs, card numbers, URL passwords; e-mails masked), in messages, stack values,
 * extra data, request data, breadcrumbs and tags alike. Ids are restored afterwards: they are random
 * hex, and a run of digits in one could pass for a card number.
 */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  const scrubbed = redact(event);
  scrubbed.event_id = event.event_id;
  const trace = event.contexts?.trace;
  if (trace && scrubbed.contexts?.trace) {
    scrubbed.contexts.trace.trace_id = trace.trace_id;
    scrubbed.contexts.trace.span_id = trace.span_id;
    if (trace.parent_span_id !== undefined) scrubbed.contexts.trace.parent_span_id = trace.parent_span_id;
  }
  for (const tag of ['traceId', 'spanId'] as const) {
    const value = event.tags?.[tag];
    if (value !== undefined && scrubbed.tags) scrubbed.tags[tag] = value;
  }
  return scrubbed;
}
