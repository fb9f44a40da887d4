import { Controller, Get, HttpCode, Inject, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import {
  ListNotificationsQuery,
  NotificationPageResponse,
  NotificationPreferencesResponse,
  UnsubscribeResponse,
  UpdateNotificationPreferencesRequest,
} from '@platform/contracts';
import type { FastifyReply } from 'fastify';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard.js';
import { businessRoutes, idParam } from './business-routes.js';
import { ACCESS_TOKEN_SCHEME } from './openapi/api-document.js';
import { ApiProblems } from './openapi/api-problems.js';
import { UpstreamForwarder } from './upstream-forwarder.js';

const STATUSES =
  'Statuses: queued → sending → sent; retrying after a transient failure; failed when permanent or out of retries; suppressed when the recipient unsubscribed.';

/** `/v1/me/notifications` and `/v1/me/notification-preferences`: the caller's own, served by the notification-service. */
@ApiTags('notifications')
@ApiBearerAuth(ACCESS_TOKEN_SCHEME)
@ApiProblems(400, 401, 422, 429, 502, 503, 504)
@Controller('v1/me')
@UseGuards(AccessTokenGuard)
export class MyNotificationsHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Get('notifications')
  @ApiOperation({
    summary: 'The e-mails sent to the caller, newest first, with their delivery status',
    description: `${STATUSES} Recipients are masked.`,
  })
  @ApiQuery({ type: ListNotificationsQuery })
  @ApiOkResponse({ type: NotificationPageResponse, description: 'One page; `nextCursor` fetches the next.' })
  listMyNotifications(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, '/v1/me/notifications');
  }

  @Get('notification-preferences')
  @ApiOperation({
    summary: 'Which optional e-mails reach the caller',
    description:
      'Only payment reminders can be turned off. Transactional e-mails (welcome, security notices, invoices, receipts, notes to business owners) are always sent. 409 while the registration has not reached the notification service yet (a moment after registering).',
  })
  @ApiOkResponse({ type: NotificationPreferencesResponse, description: 'The preferences.' })
  @ApiProblems(409)
  getNotificationPreferences(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, '/v1/me/notification-preferences');
  }

  @Put('notification-preferences')
  @ApiOperation({
    summary: 'Turn payment reminders to the caller’s address on or off',
    description:
      'Keyed by the caller’s e-mail address, as one-click unsubscribe links are: either one shows in the other. Transactional e-mails are always sent.',
  })
  @ApiBody({ type: UpdateNotificationPreferencesRequest })
  @ApiOkResponse({ type: NotificationPreferencesResponse, description: 'The preferences as they are now.' })
  @ApiProblems(409, 413)
  updateNotificationPreferences(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, '/v1/me/notification-preferences');
  }
}

/** `/v1/businesses/{businessId}/notifications`: what was sent about a business, for its members. */
@idParam('businessId', 'A business the caller is a member of; any other id is a 404.')
@businessRoutes('notifications')
@ApiProblems(400, 401, 404, 422, 429, 502, 503, 504)
@Controller('v1/businesses/:businessId/notifications')
@UseGuards(AccessTokenGuard)
export class BusinessNotificationsHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Get()
  @ApiOperation({
    summary: 'The notifications about a business (invoices, receipts, reminders, notes to the owner), newest first',
    description: `${STATUSES} Recipients are masked.`,
  })
  @ApiQuery({ type: ListNotificationsQuery })
  @ApiOkResponse({ type: NotificationPageResponse, description: 'One page; `nextCursor` fetches the next.' })
  listBusinessNotifications(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, '/v1/businesses/:businessId/notifications');
  }
}

const TOKEN_QUERY = ApiQuery({
  name: 'token',
  required: true,
  description: 'The signed token of the `List-Unsubscribe` link of an e-mail.',
  schema: { type: 'string', minLength: 1, maxLength: 2048 },
});

/**
 * `/v1/notifications/unsubscribe?token=…`: the `List-Unsubscribe` link of reminder e-mails.
 * Public: mail clients call it without credentials; the signed token is the authority.
 */
@ApiTags('notifications')
@ApiProblems(400, 422, 429, 502, 503, 504)
@Controller('v1/notifications/unsubscribe')
export class UnsubscribeHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'One-click unsubscribe from payment reminders (RFC 8058)',
    description:
      'Mail clients POST `List-Unsubscribe=One-Click` (form-encoded); the token alone decides. Idempotent. A forged or malformed token is a 422 and changes nothing. Transactional e-mails cannot be unsubscribed from.',
  })
  @ApiSecurity({})
  @TOKEN_QUERY
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    required: false,
    schema: {
      type: 'object',
      properties: { 'List-Unsubscribe': { type: 'string', enum: ['One-Click'] } },
    },
  })
  @ApiOkResponse({ type: UnsubscribeResponse, description: 'Unsubscribed (or already was).' })
  @ApiProblems(413)
  unsubscribe(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, '/v1/notifications/unsubscribe');
  }

  @Get()
  @ApiOperation({
    summary: 'What an unsubscribe link would do, and whether it is done (changes nothing)',
    description: 'A GET never unsubscribes: mail scanners and link previews follow links.',
  })
  @ApiSecurity({})
  @TOKEN_QUERY
  @ApiOkResponse({ type: UnsubscribeResponse, description: 'The address (masked) and its state.' })
  getUnsubscribeStatus(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('notification', request, reply, '/v1/notifications/unsubscribe');
  }
}
