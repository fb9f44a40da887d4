import { Controller, Get, Inject, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import {
  BusinessPageResponse,
  BusinessResponse,
  BusinessSummaryResponse,
  CreateBusinessRequest,
  PageQuery,
  UpdateBusinessRequest,
} from '@platform/contracts';
import type { FastifyReply } from 'fastify';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard.js';
import { businessRoutes, idempotencyKeyHeader, idParam } from './business-routes.js';
import { ApiProblems } from './openapi/api-problems.js';
import { UpstreamForwarder } from './upstream-forwarder.js';

const BUSINESS_ID = () => idParam('businessId', 'A business the caller is a member of; any other id is a 404.');

/** `/v1/businesses`: the caller's businesses (tenants), forwarded to the business-service. */
@businessRoutes('businesses')
@ApiProblems(400, 401, 429, 502, 503, 504)
@Controller('v1/businesses')
@UseGuards(AccessTokenGuard)
export class BusinessesHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Post()
  @ApiOperation({
    summary: 'Create a business',
    description: 'The caller becomes its owner. A user who signed up a moment ago may get a 422 for a few seconds.',
  })
  @idempotencyKeyHeader()
  @ApiBody({ type: CreateBusinessRequest })
  @ApiCreatedResponse({ type: BusinessResponse, description: 'The business was created; the caller owns it.' })
  @ApiProblems(409, 413, 422)
  createBusiness(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses', { idempotent: true });
  }

  @Get()
  @ApiOperation({ summary: 'List the businesses the caller is a member of, a page at a time' })
  @ApiQuery({ type: PageQuery })
  @ApiOkResponse({ type: BusinessPageResponse, description: 'One page; `nextCursor` fetches the next.' })
  @ApiProblems(422)
  listMyBusinesses(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses');
  }

  @Get(':businessId')
  @ApiOperation({ summary: 'A business the caller is a member of' })
  @BUSINESS_ID()
  @ApiOkResponse({ type: BusinessResponse, description: 'The business, with the caller’s role in it.' })
  @ApiProblems(404)
  getBusiness(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId');
  }

  @Patch(':businessId')
  @ApiOperation({ summary: 'Rename a business or change its invoice prefix (owners and admins)' })
  @BUSINESS_ID()
  @ApiBody({ type: UpdateBusinessRequest, required: false, description: 'Left out: nothing changes.' })
  @ApiOkResponse({ type: BusinessResponse, description: 'The business as it is now.' })
  @ApiProblems(403, 404, 413, 422)
  updateBusiness(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId');
  }

  @Get(':businessId/summary')
  @ApiOperation({
    summary: 'Counts and totals of the invoices of a business, by status and currency, and the amount overdue',
    description: 'Served from a cache: may be a few seconds old (`computedAt`).',
  })
  @BUSINESS_ID()
  @ApiOkResponse({ type: BusinessSummaryResponse, description: 'The figures and when they were computed.' })
  @ApiProblems(404)
  getBusinessSummary(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId/summary');
  }
}
