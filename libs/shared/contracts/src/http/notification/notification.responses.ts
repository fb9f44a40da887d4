import { ApiProperty } from '@nestjs/swagger';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_STATUSES,
  type NotificationChannelName,
  type NotificationStatusName,
} from './notification.requests.js';

// What the public API answers about notifications and notification preferences.

/** One notification (an e-mail or a webhook delivery) and how its delivery went. */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid', description: 'UUID v7.' })
  id!: string;

  @ApiProperty({ enum: NOTIFICATION_CHANNELS, enumName: 'NotificationChannel' })
  channel!: NotificationChannelName;

  @ApiProperty({ example: 'invoice-issued', description: 'What was sent (e-mail template).' })
  template!: string;

  @ApiProperty({
    enum: NOTIFICATION_STATUSES,
    enumName: 'NotificationStatus',
    description:
      'queued → sending → sent; retrying after a transient failure; failed (permanent, or retries spent); suppressed: the recipient unsubscribed.',
  })
  status!: NotificationStatusName;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Send attempts so far.' })
  attempts!: number;

  @ApiProperty({ type: 'string', nullable: true, description: 'Why the last attempt failed, in short.' })
  lastError!: string | null;

  @ApiProperty({ example: 'a***@example.com', description: 'Masked: the first character and the domain.' })
  recipient!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  sentAt!: string | null;
}

/** One page of notifications. */
export class NotificationPageResponse {
  @ApiProperty({ type: () => NotificationResponse, isArray: true })
  items!: NotificationResponse[];

  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}

/** The caller's notification preferences. */
export class NotificationPreferencesResponse {
  @ApiProperty({ description: 'Whether payment reminders are e-mailed to the caller’s address.' })
  reminders!: boolean;
}

/** The answer of a one-click unsubscribe. */
export class UnsubscribeResponse {
  @ApiProperty({ example: 'a***@example.com', description: 'The address unsubscribed, masked.' })
  recipient!: string;

  @ApiProperty({ enum: ['reminder'], description: 'What it no longer receives.' })
  category!: 'reminder';

  @ApiProperty({ description: 'Always true: a second unsubscribe changes nothing.' })
  unsubscribed!: boolean;
}
