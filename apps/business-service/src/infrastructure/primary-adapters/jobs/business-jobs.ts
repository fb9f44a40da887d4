import { defineJob, type JobBatchContext, type JobBatchResult, type JobDefinition } from '@platform/jobs';
import type { BatchResult } from '../../../application/job-batch.js';

/** The names of the business-service's jobs: lock keys, metric labels, admin route parameters. */
export const BUSINESS_JOB_NAMES = {
  overdue: 'overdue-invoices',
  reminders: 'invoice-reminders',
  recurring: 'recurring-invoices',
  reconciliation: 'payment-reconciliation',
} as const;

/** A use case's batch function: keyset position in, what the batch did out. */
export type BatchWork = (after: string | undefined, limit: number) => Promise<BatchResult>;

/** A job is stale after three periods without a success: one missed run is not an alert. */
const STALE_AFTER_PERIODS = 3;

/**
 * A job on the shared runner over a use case's `batch`: items that failed are logged with their
 * key (their transaction rolled back) and counted; the next batch starts after the last item read.
 */
export function batchJob(
  name: string,
  everyMs: number,
  work: BatchWork,
  pending?: () => Promise<number>,
): JobDefinition<string> {
  return defineJob<string>({
    name,
    everyMs,
    ...(pending ? { pending } : {}),
    staleAfterMs: STALE_AFTER_PERIODS * everyMs,
    async batch({ after, limit, log }: JobBatchContext<string>): Promise<JobBatchResult<string>> {
      const result = await work(after, limit);
      for (const failure of result.failures) {
        log.warn('item failed; the next run tries it again', { item: failure.key, error: failure.error });
      }
      if (result.skipped > 0) log.debug('items already done or no longer due', { skipped: result.skipped });
      return {
        succeeded: result.succeeded,
        failed: result.failures.length,
        next: result.processed === limit ? result.lastKey : undefined,
      };
    },
  });
}
