import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, ValidateIf } from 'class-validator';
import { CodePointLength } from '../../common/code-point-length.js';
import { OmittableNotNull } from '../common/optional.js';
import { PageQuery } from '../common/page.query.js';

// Request bodies of the webhook endpoints of a business (served by the notification-service).

/** The event types an endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'invoice.issued',
  'invoice.paid',
  'invoice.overdue',
  'invoice.voided',
  'payment.failed',
] as const;
export type WebhookEventTypeName = (typeof WEBHOOK_EVENT_TYPES)[number];

const URL_PROPERTY = {
  minLength: 1,
  maxLength: 2048,
  example: 'https://hooks.example.com/platform',
  description:
    'An https URL whose host resolves to public addresses only (loopback, private, link-local, CGNAT, multicast and metadata addresses are refused with 422 WEBHOOK.URL_NOT_PUBLIC). Redirects are not followed.',
} as const;

const EVENTS_PROPERTY = {
  type: 'string',
  enum: WEBHOOK_EVENT_TYPES,
  isArray: true,
  minItems: 1,
  maxItems: WEBHOOK_EVENT_TYPES.length,
  description: 'The event types this endpoint receives.',
} as const;

const DESCRIPTION_PROPERTY = { type: 'string', maxLength: 200, example: 'Accounting sync' } as const;

export class CreateWebhookEndpointRequest {
  @ApiProperty(URL_PROPERTY)
  @IsString()
  @CodePointLength(1, 2048)
  url!: string;

  @ApiProperty(EVENTS_PROPERTY)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events!: WebhookEventTypeName[];

  @ApiPropertyOptional(DESCRIPTION_PROPERTY)
  @OmittableNotNull()
  @IsString()
  @CodePointLength(0, 200)
  description?: string;
}

/** Changes to an endpoint; a field left out stays as it is. */
export class UpdateWebhookEndpointRequest {
  @ApiPropertyOptional(URL_PROPERTY)
  @OmittableNotNull()
  @IsString()
  @CodePointLength(1, 2048)
  url?: string;

  @ApiPropertyOptional(EVENTS_PROPERTY)
  @OmittableNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events?: WebhookEventTypeName[];

  @ApiPropertyOptional({ ...DESCRIPTION_PROPERTY, nullable: true, description: 'null removes it.' })
  @ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null)
  @IsString()
  @CodePointLength(0, 200)
  description?: string | null;

  @ApiPropertyOptional({
    type: 'boolean',
    description: 'false stops deliveries; true enables a disabled endpoint again (and forgets its failures).',
  })
  @OmittableNotNull()
  @IsBoolean()
  enabled?: boolean;
}

/** The page of the endpoint and delivery lists. */
export class ListWebhookEndpointsQuery extends PageQuery {}
export class ListWebhookDeliveriesQuery extends PageQuery {}
