// Defining jobs
export { defineJob, DEFAULT_BATCH_SIZE } from './job-definition.js';
export type { JobBatchContext, JobBatchResult, JobDefinition } from './job-definition.js';
export { defineRetentionJob, DEFAULT_RETENTION_BATCH_SIZE } from './retention/retention-job.js';
export type { RetentionCursor, RetentionJobOptions } from './retention/retention-job.js';

// Running them
export { JobRunner } from './runner/job-runner.js';
export type {
  JobRunnerOptions,
  JobRunResult,
  JobStatus,
  JobsStatus,
  RunOutcome,
  TriggeredRun,
} from './runner/job-runner.js';
export type { JobRunRecord, RunStatus, RunTrigger } from './runner/run-log.js';
export { JobsModule } from './nest/jobs.module.js';
export type { JobsModuleAsyncOptions, JobsModuleOptions } from './nest/jobs.module.js';

// Schema, monitoring, errors
export { jobsMigrations, JobsSchema1796500000000 } from './schema/jobs-schema.migration.js';
export { jobsHealthCheck, jobsStatusRoute } from './monitoring/jobs-monitoring.js';
export { JOBS_ERROR_CODES, JobsError } from './errors.js';
export type { JobsErrorCode } from './errors.js';
