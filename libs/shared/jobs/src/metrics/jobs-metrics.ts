import { defineMetrics } from '@platform/monitoring';

/**
 * The metrics every job shares. The label is `job_name`: `job` is Prometheus' own (the scrape
 * job) and `defineMetrics` refuses it. Job names are declared in code, so the label is bounded.
 */
export const jobsMetrics = defineMetrics({
  jobs_runs_total: {
    kind: 'counter',
    help: 'Job runs by outcome: succeeded, failed, abandoned (crashed or stopped), skipped (another run held the lock)',
    labelNames: ['job_name', 'outcome'],
  },
  jobs_items_total: {
    kind: 'counter',
    help: 'Items processed by jobs, by outcome: succeeded or failed',
    labelNames: ['job_name', 'outcome'],
  },
  jobs_run_duration_seconds: {
    kind: 'histogram',
    help: 'Duration of finished job runs',
    labelNames: ['job_name'],
    buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 900, 1800, 3600],
  },
  jobs_last_success_timestamp_seconds: {
    kind: 'gauge',
    help: 'When the last successful run of the job finished (any instance), Unix seconds; absent before the first',
    labelNames: ['job_name'],
  },
  jobs_stale: {
    kind: 'gauge',
    help: '1 when the job has not succeeded within its allowed staleness (staleAfterMs), else 0',
    labelNames: ['job_name'],
  },
  jobs_items_pending: {
    kind: 'gauge',
    help: 'Items waiting for the job, as last counted (run start and end, status requests)',
    labelNames: ['job_name'],
  },
});
