import type { ModuleRef } from '@nestjs/core';
import type { ManagementRoute, ReadinessCheck, ReadinessDetails } from '@platform/monitoring';
import { JobRunner, type JobsStatus } from '../runner/job-runner.js';

/** Where a check or route finds the runner: given directly, else the application's `JobRunner`. */
interface RunnerSource {
  runner?: JobRunner;
}

function resolve(source: RunnerSource, moduleRef: ModuleRef): JobRunner {
  return source.runner ?? moduleRef.get(JobRunner, { strict: false });
}

/**
 * `GET /jobs/status` on the management port (`ServiceOptions.managementRoutes` or
 * `MonitoringModule.forRoot({ managementRoutes })`): every job's status, pending items counted now.
 */
export function jobsStatusRoute(options: RunnerSource & { path?: string } = {}): ManagementRoute {
  return {
    path: options.path ?? '/jobs/status',
    handle: ({ moduleRef }): Promise<JobsStatus> => resolve(options, moduleRef).status(),
  };
}

/**
 * An informational check (`ServiceOptions.informational`): down, with the stale jobs named, when a
 * job has not succeeded within its `staleAfterMs`. Shown in `GET /health` details, never in readiness:
 * a late job must not take the instance out of the load balancer.
 */
export function jobsHealthCheck(options: RunnerSource & { name?: string } = {}): ReadinessCheck {
  return {
    name: options.name ?? 'jobs',
    async check({ moduleRef }): Promise<ReadinessDetails> {
      const { jobs } = await resolve(options, moduleRef).status({ pending: false });
      const stale = jobs.filter((job) => job.stale);
      if (stale.length > 0) {
        const described = stale.map(
          (job) =>
            `${job.job} (last success ${job.lastSucceededAt ?? 'never'}, allowed ${Math.round(job.staleAfterMs / 1000)} s)`,
        );
        throw new Error(`${stale.length} job(s) stale: ${described.join('; ')}`);
      }
      return { jobs: jobs.length, running: jobs.filter((job) => job.running).length, stale: 0 };
    },
  };
}
