import { Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { JobRunAcceptedResponse, JobsStatusResponse } from '@platform/contracts';
import type { FastifyReply } from 'fastify';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard.js';
import { ACCESS_TOKEN_SCHEME } from './openapi/api-document.js';
import { ApiProblems } from './openapi/api-problems.js';
import { UpstreamForwarder } from './upstream-forwarder.js';

/**
 * `/v1/admin/jobs`: the business-service's scheduled jobs, for platform admins (the business-service
 * checks the signed role `admin`; anyone else gets 403).
 */
@ApiTags('admin')
@ApiBearerAuth(ACCESS_TOKEN_SCHEME)
@ApiProblems(400, 401, 403, 429, 502, 503, 504)
@Controller('v1/admin/jobs')
@UseGuards(AccessTokenGuard)
export class AdminJobsHttpController {
  constructor(@Inject(UpstreamForwarder) private readonly forwarder: UpstreamForwarder) {}

  @Get()
  @ApiOperation({ summary: 'The scheduled jobs: last start, last success, last error, items pending, next run' })
  @ApiOkResponse({ type: JobsStatusResponse, description: 'Every job of the business-service.' })
  listJobs(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/admin/jobs');
  }

  @Post(':name/runs')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start a run of a job now',
    description:
      'The run goes on in the background; follow it with GET /v1/admin/jobs. One run at a time: 409 while one goes on.',
  })
  @ApiParam({
    name: 'name',
    required: true,
    description: 'The job, e.g. `overdue-invoices`.',
    schema: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$', maxLength: 63 },
  })
  @ApiAcceptedResponse({ type: JobRunAcceptedResponse, description: 'The run started; its `runId`.' })
  @ApiProblems(404, 409)
  triggerJob(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.forwarder.forward('business', request, reply, '/v1/admin/jobs/:name/runs');
  }
}
