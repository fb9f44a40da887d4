import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ListNotificationsQuery, type NotificationPageResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { ListNotificationsUseCase } from '../../../application/list-notifications.use-case.js';
import { toListRequest, toNotificationPageResponse } from './notification.http-mappers.js';

/** GET /v1/me/notifications: the notifications sent to the caller, newest first. */
@Controller('v1/me/notifications')
@UseGuards(GatewayIdentityGuard)
export class MyNotificationsHttpController {
  constructor(@Inject(ListNotificationsUseCase) private readonly notifications: ListNotificationsUseCase) {}

  @Get()
  async list(
    @CurrentIdentity() identity: Identity,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationPageResponse> {
    return toNotificationPageResponse(await this.notifications.mine({ userId: identity.userId }, toListRequest(query)));
  }
}
