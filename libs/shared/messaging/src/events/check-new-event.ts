import {
  EVENT_TYPE_PATTERN,
  ID_UUID_VERSION,
  isUtcTimestamp,
  MAX_SOURCE_LENGTH,
  MAX_TRACE_ID_LENGTH,
  SAFE_ID_PATTERN,
  SERVICE_NAME_PATTERN,
  type EventContract,
  type EventEnvelope,
} from '@platform/contracts';
import { ValidationFailedError, type FieldError } from '@platform/validation';
import { isUUID } from 'class-validator';

// The envelope's own rules (EventEnvelope in @platform/contracts), applied to the fields a caller of
// `createEvent` supplies; the rest (eventId, type, version) the library makes itself.

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
  if (typeof envelope.aggregateId !== 'string' || !isUUID(envelope.aggregateId, ID_UUID_VERSION)) {
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
  if (!isUtcTimestamp(envelope.occurredAt)) {
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
