import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES, type WebhookEventTypeName } from './webhook-endpoint.requests.js';

// What the public API answers about webhook endpoints and their deliveries.

/** A webhook endpoint of a business (its secret is never in here). */
export class WebhookEndpointResponse {
  @ApiProperty({ format: 'uuid', description: 'UUID v7.' })
  id!: string;

  @ApiProperty({ example: 'https://hooks.example.com/platform' })
  url!: string;

  @ApiProperty({ type: 'string', nullable: true })
  description!: string | null;

  @ApiProperty({ type: 'string', enum: WEBHOOK_EVENT_TYPES, isArray: true })
  events!: WebhookEventTypeName[];

  @ApiProperty({ description: 'False: nothing is delivered (see disabledReason).' })
  enabled!: boolean;

  @ApiProperty({
    type: 'string',
    enum: ['manual', 'gone', 'failing'],
    nullable: true,
    description: 'manual: turned off; gone: the endpoint answered 410; failing: every attempt failed for too long.',
  })
  disabledReason!: 'manual' | 'gone' | 'failing' | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  disabledAt!: string | null;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'Until then, deliveries are signed with the previous secret too (after a rotation).',
  })
  previousSecretExpiresAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** A new endpoint with its signing secret: the only answer that shows it (besides a rotation). */
export class WebhookEndpointCreatedResponse extends WebhookEndpointResponse {
  @ApiProperty({
    pattern: '^whsec_[A-Za-z0-9+/=]+$',
    description: 'Standard Webhooks signing secret. Shown only now: store it.',
  })
  secret!: string;
}

export class WebhookEndpointPageResponse {
  @ApiProperty({ type: () => WebhookEndpointResponse, isArray: true })
  items!: WebhookEndpointResponse[];

  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}

/** The answer of a secret rotation. */
export class WebhookSecretResponse {
  @ApiProperty({ pattern: '^whsec_[A-Za-z0-9+/=]+$', description: 'The new signing secret. Shown only now.' })
  secret!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'The previous secret keeps signing (a second `v1,` signature) until then.',
  })
  previousSecretExpiresAt!: string;
}

/** One HTTP attempt of a delivery. */
export class WebhookAttemptResponse {
  @ApiProperty({ type: 'integer', minimum: 1 })
  attempt!: number;

  @ApiProperty({ format: 'date-time' })
  attemptedAt!: string;

  @ApiProperty({
    enum: ['delivered', 'http_error', 'redirect', 'gone', 'timeout', 'network_error', 'blocked'],
    description: 'blocked: the URL resolved to an address that is not public at this attempt.',
  })
  outcome!: string;

  @ApiProperty({ type: 'integer', nullable: true })
  responseStatus!: number | null;

  @ApiProperty({ type: 'integer', description: 'Milliseconds.' })
  latencyMs!: number;

  @ApiProperty({ type: 'string', nullable: true, description: 'The start of the answer body (at most 4 KB).' })
  responseBody!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  error!: string | null;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'When the next attempt was planned.',
  })
  nextAttemptAt!: string | null;
}

/** The delivery of one event to one endpoint. */
export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The event; also the `webhook-id` header (the same on every attempt).' })
  eventId!: string;

  @ApiProperty({ type: 'string', enum: WEBHOOK_EVENT_TYPES })
  eventType!: string;

  @ApiProperty({ enum: ['queued', 'sending', 'sent', 'retrying', 'failed'] })
  status!: string;

  @ApiProperty({ type: 'integer' })
  attempts!: number;

  @ApiProperty({ type: 'string', nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'Null when none is planned.' })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  deliveredAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: () => WebhookAttemptResponse, isArray: true, description: 'Newest first, at most 20.' })
  attemptLog!: WebhookAttemptResponse[];
}

export class WebhookDeliveryPageResponse {
  @ApiProperty({ type: () => WebhookDeliveryResponse, isArray: true })
  items!: WebhookDeliveryResponse[];

  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}
