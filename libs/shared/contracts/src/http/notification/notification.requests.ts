import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../common/page.query.js';

// Requests of the notification lists and preferences (served by the notification-service).

/** Where a notification is in its delivery. */
export const NOTIFICATION_STATUSES = ['queued', 'sending', 'sent', 'retrying', 'failed', 'suppressed'] as const;
export type NotificationStatusName = (typeof NOTIFICATION_STATUSES)[number];

/** How a notification reaches its recipient. */
export const NOTIFICATION_CHANNELS = ['email', 'webhook'] as const;
export type NotificationChannelName = (typeof NOTIFICATION_CHANNELS)[number];

/** A page of notifications, newest first, optionally of one status and channel. */
export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: NOTIFICATION_STATUSES,
    enumName: 'NotificationStatus',
    description: 'Only this status.',
  })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatusName;

  @ApiPropertyOptional({
    enum: NOTIFICATION_CHANNELS,
    enumName: 'NotificationChannel',
    description: 'Only this channel.',
  })
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  channel?: NotificationChannelName;
}

/** The caller's choice of the e-mails that may be turned off; transactional e-mails are always sent. */
export class UpdateNotificationPreferencesRequest {
  @ApiProperty({ description: 'false: no payment reminders are e-mailed to the caller’s address.' })
  @IsBoolean()
  reminders!: boolean;
}
