import { IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { ID_UUID_VERSION, MAX_TRACE_ID_LENGTH, SAFE_ID_PATTERN } from '../common/ids.js';
import { IsUtcTimestamp } from '../common/is-utc-timestamp.js';
import { EVENT_TYPE_PATTERN, SERVICE_NAME_PATTERN } from '../naming/event-naming.js';

/** Longest `source` (producing service name) an envelope accepts. */
export const MAX_SOURCE_LENGTH = 64;

/**
 * The value of every Kafka message: metadata common to all events around a contract's payload.
 * The payload is checked here only for being an object; its rules are those of the contract
 * picked by `type` and `version`, which a generic envelope class cannot know.
 */
export class EventEnvelope<TPayload extends object = Record<string, unknown>> {
  /** Unique id of this event (UUID v7), the key consumers deduplicate by. */
  @IsUUID(ID_UUID_VERSION)
  eventId!: string;

  /** Event type, `<domain>.<aggregate>.<past-tense-verb>`, e.g. `business.invoice.issued`. */
  @IsString()
  @Matches(EVENT_TYPE_PATTERN, { message: '$property must be <domain>.<aggregate>.<past-tense-verb>' })
  type!: string;

  /** Major version of the payload schema, an integer ≥ 1. */
  @IsInt()
  @Min(1)
  version!: number;

  /** When the fact happened (not when it was sent), UTC ISO-8601. */
  @IsUtcTimestamp()
  occurredAt!: string;

  /** Name of the producing service, e.g. `business-service`. */
  @IsString()
  @Matches(SERVICE_NAME_PATTERN, { message: '$property must be a lower-case kebab-case service name' })
  @MaxLength(MAX_SOURCE_LENGTH)
  source!: string;

  /** Id of the aggregate the event is about (UUID v7); also the Kafka message key. */
  @IsUUID(ID_UUID_VERSION)
  aggregateId!: string;

  /** Id shared by every request and event of one piece of work. */
  @IsString()
  @Matches(SAFE_ID_PATTERN)
  @MaxLength(MAX_TRACE_ID_LENGTH)
  correlationId!: string;

  /** Id of the event or request that caused this one, when there is one. */
  @IsOptional()
  @IsString()
  @Matches(SAFE_ID_PATTERN)
  @MaxLength(MAX_TRACE_ID_LENGTH)
  causationId?: string;

  /** The contract's payload. */
  @IsObject()
  payload!: TPayload;
}
