import { Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import type { UnsubscribeResponse } from '@platform/contracts';
import type { UnsubscribeClaim } from '../../../application/unsubscribe-token.js';
import { NotificationPreferencesUseCase } from '../../../application/notification-preferences.use-case.js';
import { maskEmail } from '../../../domain/email-address.js';

const toResponse = (claim: UnsubscribeClaim, unsubscribed: boolean): UnsubscribeResponse => ({
  recipient: maskEmail(claim.recipient),
  category: 'reminder',
  unsubscribed,
});

/**
 * `/v1/notifications/unsubscribe?token=…`, public (the signed token is the authority): POST is
 * RFC 8058's one-click unsubscribe (the body `List-Unsubscribe=One-Click` is what mail clients
 * send; the token alone decides), GET only says what the link would do, since mail scanners
 * and link previews follow GETs.
 */
@Controller('v1/notifications/unsubscribe')
export class UnsubscribeHttpController {
  constructor(@Inject(NotificationPreferencesUseCase) private readonly preferences: NotificationPreferencesUseCase) {}

  @Post()
  @HttpCode(200)
  async unsubscribe(@Query('token') token: string | undefined): Promise<UnsubscribeResponse> {
    return toResponse(await this.preferences.unsubscribe(typeof token === 'string' ? token : undefined), true);
  }

  @Get()
  async status(@Query('token') token: string | undefined): Promise<UnsubscribeResponse> {
    const status = await this.preferences.unsubscribeStatus(typeof token === 'string' ? token : undefined);
    return toResponse(status, status.unsubscribed);
  }
}
