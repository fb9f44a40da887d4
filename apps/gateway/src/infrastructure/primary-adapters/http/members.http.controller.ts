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
  AddMemberRequest,
  MemberPageResponse,
  MemberResponse,
  PageQuery,
  UpdateMemberRequest,
} from '@platform/contracts';
import type { FastifyReply } from 'fastify';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard.js';
import { businessRoutes, idempotencyKeyHeader, idParam } from './business-routes.js';
import { ApiProblems } from './openapi/api-problems.js';
import { UpstreamForwarder } from './upstream-forwarder.js';

const BUSINESS_ID = () => idParam('businessId', 'A business the caller is a member of; any other id is a 404.');
const USER_ID = () => idParam('userId', 'The member’s user id.');

/** `/v1/businesses/{businessId}/members`: who belongs to a business, in which role. */
@BUSINESS_ID()
@businessRoutes('members')
@ApiProblems(400, 401, 404, 429, 502, 503, 504)
@Controller('v1/businesses/:businessId/members')
@UseGuards(AccessTokenGuard)
export class MembersHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Get()
  @ApiOperation({ summary: 'List the members of a business, a page at a time' })
  @ApiQuery({ type: PageQuery })
  @ApiOkResponse({ type: MemberPageResponse, description: 'One page; `nextCursor` fetches the next.' })
  @ApiProblems(422)
  listMembers(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId/members');
  }

  @Post()
  @ApiOperation({
    summary: 'Add a registered user to a business by e-mail (owners and admins)',
    description:
      'The user must be known to the business-service, which learns registrations from events: one who signed up a moment ago may not be there yet.',
  })
  @idempotencyKeyHeader()
  @ApiBody({ type: AddMemberRequest })
  @ApiCreatedResponse({ type: MemberResponse, description: 'The user is now a member.' })
  @ApiProblems(403, 409, 413, 422)
  addMember(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId/members', {
      idempotent: true,
    });
  }

  @Patch(':userId')
  @ApiOperation({ summary: 'Change a member’s role (owners and admins); the last owner stays an owner' })
  @USER_ID()
  @ApiBody({ type: UpdateMemberRequest })
  @ApiOkResponse({ type: MemberResponse, description: 'The member with the new role.' })
  @ApiProblems(403, 413, 422)
  updateMember(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId/members/:userId');
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (owners and admins); the last owner cannot be removed' })
  @USER_ID()
  @ApiNoContentResponse({ description: 'The user is no longer a member.' })
  @ApiProblems(403, 422)
  removeMember(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/businesses/:businessId/members/:userId');
  }
}
