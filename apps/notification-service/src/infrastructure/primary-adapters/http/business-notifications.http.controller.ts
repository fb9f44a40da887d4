import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ListNotificationsQuery, type NotificationPageResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { ListNotificationsUseCase } from '../../../application/list-notifications.use-case.js';
import { toListRequest, toNotificationPageResponse } from './notification.http-mappers.js';

/** GET /v1/businesses/{businessId}/notifications: what was sent about a business (members only; others 404). */
@Controller('v1/businesses/:businessId/notifications')
@UseGuards(GatewayIdentityGuard)
export class BusinessNotificationsHttpController {
  constructor(@Inject(ListNotificationsUseCase) private readonly notifications: ListNotificationsUseCase) {}

  @Get()
  async list(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationPageResponse> {
    return toNotificationPageResponse(
      await this.notifications.ofBusiness({ userId: identity.userId }, businessId, toListRequest(query)),
    );
  }
}
