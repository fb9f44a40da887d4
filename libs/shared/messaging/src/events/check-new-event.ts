import {
  EVENT_TYPE_PATTERN,
  MAX_TRACE_ID_LENGTH,
  SAFE_ID_PATTERN,
  SERVICE_NAME_PATTERN,
  type EventContract,
  type EventEnvelope,
} from '@platform/contracts';
import { ValidationFailedError, type FieldError } from '@platform/validation';

// The envelope's rules (EventEnvelope in @platform/contracts) for the fields a caller of
// `createEvent` supplies; the rest (eventId, type, version) the library makes itself.
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const MAX_SOURCE_LENGTH = 64;
const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** True when `source` is a name the envelope accepts; checked once, when an Outbox is made. */
export function isValidSource(source: string): boolean {
  return SERVICE_NAME_PATTERN.test(source) && source.length <= MAX_SOURCE_LENGTH;
}

/** True when `contract`'s type and version are ones the envelope accepts. */
export function isValidContractIdentity(contract: EventContract): boolean {
  return EVENT_TYPE_PATTERN.test(contract.type) && Number.isInteger(contract.version) && contract.version >= 1;
}

/**
 * Checks the caller-supplied fields of an envelope `createEvent` just built (aggregate,
 * correlation and causation ids, time) with the envelope's rules, without class-validator: the
 * library-made fields cannot break them, so validating the whole envelope again only costs time.
 * Throws ValidationFailedError, as the full validation does.
 */
export function checkNewEvent(envelope: EventEnvelope): void {
  const errors: FieldError[] = [];
  if (typeof envelope.aggregateId !== 'string' || !UUID_V7.test(envelope.aggregateId)) {
    errors.push({ field: 'aggregateId', message: 'aggregateId must be a UUID v7', code: 'isUuid' });
  }
  if (!isSafeTraceId(envelope.correlationId)) {
    errors.push({
      field: 'correlationId',
      message: 'correlationId must be a safe id of at most 128 characters',
      code: 'matches',
    });
  }
  if (envelope.causationId !== undefined && !isSafeTraceId(envelope.causationId)) {
    errors.push({
      field: 'causationId',
      message: 'causationId must be a safe id of at most 128 characters',
      code: 'matches',
    });
  }
  // toISOString of a year past 9999 gives `+010000-…`, which the envelope refuses.
  if (!UTC_DATE_TIME.test(envelope.occurredAt)) {
    errors.push({
      field: 'occurredAt',
      message: 'occurredAt must be a UTC ISO-8601 date-time ending in Z',
      code: 'isUtcTimestamp',
    });
  }
  if (errors.length > 0) throw new ValidationFailedError(errors);
}

function isSafeTraceId(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_TRACE_ID_LENGTH && SAFE_ID_PATTERN.test(value);
}
