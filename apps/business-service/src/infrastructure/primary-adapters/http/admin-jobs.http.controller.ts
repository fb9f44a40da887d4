import { Controller, Get, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import type { JobRunAcceptedResponse, JobsStatusResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { JOBS_ERROR_CODES, JobRunner, JobsError } from '@platform/jobs';
import { UpstreamUnavailableError } from '@platform/validation';
import { JobAlreadyRunningError, JobNotFoundError, PlatformAdminRequiredError } from '../../../domain/admin.errors.js';

/** The platform's own admin role, as the gateway signs it (not a role in a business). */
const PLATFORM_ADMIN = 'admin';

function requirePlatformAdmin(identity: Identity): void {
  if (!identity.roles.includes(PLATFORM_ADMIN)) throw new PlatformAdminRequiredError();
}

/**
 * The scheduled jobs for platform admins, through the gateway (the same path, `/v1/admin/jobs`, as auth's `/v1/admin/users`): their status and
 * a run started by hand. The runner itself (status, one run at a time across instances) is
 * @platform/jobs'; the management port serves the same status at `/jobs/status`.
 */
@Controller('v1/admin/jobs')
@UseGuards(GatewayIdentityGuard)
export class AdminJobsHttpController {
  constructor(@Inject(JobRunner) private readonly runner: JobRunner) {}

  @Get()
  async status(@CurrentIdentity() identity: Identity): Promise<JobsStatusResponse> {
    requirePlatformAdmin(identity);
    const status = await this.runner.status();
    return {
      checkedAt: status.checkedAt,
      jobs: status.jobs.map((job) => ({
        job: job.job,
        everyMs: job.everyMs,
        staleAfterMs: job.staleAfterMs,
        running: job.running,
        stale: job.stale,
        lastStartedAt: job.lastStartedAt,
        lastSucceededAt: job.lastSucceededAt,
        lastError: job.lastError,
        itemsPending: job.itemsPending,
        nextRunAt: job.nextRunAt,
      })),
    };
  }

  @Post(':name/runs')
  @HttpCode(202)
  async trigger(@CurrentIdentity() identity: Identity, @Param('name') name: string): Promise<JobRunAcceptedResponse> {
    requirePlatformAdmin(identity);
    try {
      const { runId } = await this.runner.trigger(name);
      return { job: name, runId };
    } catch (error) {
      throw mapJobsError(error, name);
    }
  }
}

function mapJobsError(error: unknown, name: string): unknown {
  if (!(error instanceof JobsError)) return error;
  switch (error.code) {
    case JOBS_ERROR_CODES.unknownJob:
      return new JobNotFoundError(name);
    case JOBS_ERROR_CODES.alreadyRunning:
      return new JobAlreadyRunningError(name);
    case JOBS_ERROR_CODES.runnerStopped:
      return new UpstreamUnavailableError('jobs-runner', 'the jobs runner is stopping', { cause: error });
    default:
      return error;
  }
}
