import { Controller, Delete, Get, HttpCode, Inject, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
} from '@nestjs/swagger';
import {
  CreateRecurringInvoiceRequest,
  PageQuery,
  RecurringInvoicePageResponse,
  RecurringInvoiceResponse,
  UpdateRecurringInvoiceRequest,
} from '@platform/contracts';
import type { FastifyReply } from 'fastify';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard.js';
import { businessRoutes, etagHeader, idempotencyKeyHeader, idParam, ifMatchHeader } from './business-routes.js';
import { ApiProblems } from './openapi/api-problems.js';
import { UpstreamForwarder } from './upstream-forwarder.js';

const BUSINESS_ID = () => idParam('businessId', 'A business the caller is a member of; any other id is a 404.');
const SCHEDULE_ID = () => idParam('recurringInvoiceId', 'A recurring invoice of this business; any other id is a 404.');
const SCHEDULES = '/v1/businesses/:businessId/recurring-invoices';
const SCHEDULE = `${SCHEDULES}/:recurringInvoiceId`;
const SCHEDULE_ETAG = etagHeader('recurring invoice');

/**
 * `/v1/businesses/{businessId}/recurring-invoices`: schedules that make one invoice per period
 * (monthly or weekly), issued or left as drafts. Members read; accountants and above write. A
 * change sends the `ETag` the schedule was read with in `If-Match` (428 without, 412 stale).
 */
@BUSINESS_ID()
@businessRoutes('recurring-invoices')
@ApiProblems(400, 401, 404, 429, 502, 503, 504)
@Controller('v1/businesses/:businessId/recurring-invoices')
@UseGuards(AccessTokenGuard)
export class RecurringInvoicesHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Get()
  @ApiOperation({ summary: 'List the recurring invoices of a business, newest first, a page at a time' })
  @ApiQuery({ type: PageQuery })
  @ApiOkResponse({ type: RecurringInvoicePageResponse, description: 'One page; `nextCursor` fetches the next.' })
  @ApiProblems(422)
  list(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, SCHEDULES);
  }

  @Post()
  @ApiOperation({ summary: 'Create a recurring invoice (not viewers)' })
  @idempotencyKeyHeader()
  @ApiBody({ type: CreateRecurringInvoiceRequest })
  @ApiCreatedResponse({ type: RecurringInvoiceResponse, description: 'The schedule, active.', headers: SCHEDULE_ETAG })
  @ApiProblems(403, 413, 422)
  create(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, SCHEDULES, { idempotent: true });
  }

  @Get(':recurringInvoiceId')
  @ApiOperation({ summary: 'A recurring invoice of a business' })
  @SCHEDULE_ID()
  @ApiOkResponse({ type: RecurringInvoiceResponse, description: 'The schedule.', headers: SCHEDULE_ETAG })
  get(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, SCHEDULE);
  }

  @Patch(':recurringInvoiceId')
  @ApiOperation({
    summary: 'Pause, resume or change a recurring invoice (not viewers)',
    description: 'Resuming skips the periods of the pause. An ended schedule is a 409.',
  })
  @SCHEDULE_ID()
  @ifMatchHeader('recurring invoice')
  @ApiBody({ type: UpdateRecurringInvoiceRequest, required: false, description: 'Left out: nothing changes.' })
  @ApiOkResponse({ type: RecurringInvoiceResponse, description: 'The schedule as it is now.', headers: SCHEDULE_ETAG })
  @ApiProblems(403, 409, 412, 413, 422, 428)
  update(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, SCHEDULE);
  }

  @Delete(':recurringInvoiceId')
  @HttpCode(204)
  @ApiOperation({ summary: 'End a recurring invoice for good (not viewers); it and its invoices stay' })
  @SCHEDULE_ID()
  @ApiNoContentResponse({ description: 'Ended.' })
  @ApiProblems(403, 409)
  end(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, SCHEDULE);
  }
}
