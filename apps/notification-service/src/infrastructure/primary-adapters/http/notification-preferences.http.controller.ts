import { Body, Controller, Get, Inject, Put, UseGuards } from '@nestjs/common';
import { type NotificationPreferencesResponse, UpdateNotificationPreferencesRequest } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { NotificationPreferencesUseCase } from '../../../application/notification-preferences.use-case.js';

/** GET|PUT /v1/me/notification-preferences: which optional e-mails reach the caller's address. */
@Controller('v1/me/notification-preferences')
@UseGuards(GatewayIdentityGuard)
export class NotificationPreferencesHttpController {
  constructor(@Inject(NotificationPreferencesUseCase) private readonly preferences: NotificationPreferencesUseCase) {}

  @Get()
  get(@CurrentIdentity() identity: Identity): Promise<NotificationPreferencesResponse> {
    return this.preferences.get({ userId: identity.userId });
  }

  @Put()
  update(
    @CurrentIdentity() identity: Identity,
    @Body() body: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferencesResponse> {
    return this.preferences.update({ userId: identity.userId }, { reminders: body.reminders });
  }
}
