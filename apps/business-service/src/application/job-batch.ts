import type { UnitOfWork } from './ports/unit-of-work.port.js';

/** One item of a batch that failed: its key and why (its transaction rolled back, nothing of it stays). */
export interface BatchItemFailure {
  key: string;
  error: unknown;
}

/**
 * What one batch of a scheduled job did. `lastKey` is the keyset position to continue after
 * (undefined when the batch found nothing: the run is over).
 */
export interface BatchResult {
  /** Items read in the batch. */
  processed: number;
  /** Items whose effect was applied now. */
  succeeded: number;
  /** Items with nothing left to do (done by an earlier run or another instance, or no longer due). */
  skipped: number;
  failures: BatchItemFailure[];
  lastKey?: string;
}

/**
 * Runs `apply` for each item in order, each on its own (its own transaction in the use cases): a
 * failing item is recorded and the batch goes on, so one bad invoice never blocks the others, and
 * a crash leaves every committed item done and every other item untouched.
 */
export async function runItems<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  apply: (item: T) => Promise<'applied' | 'skipped'>,
): Promise<BatchResult> {
  const result: BatchResult = { processed: items.length, succeeded: 0, skipped: 0, failures: [] };
  for (const item of items) {
    try {
      if ((await apply(item)) === 'applied') result.succeeded += 1;
      else result.skipped += 1;
    } catch (error) {
      result.failures.push({ key: keyOf(item), error });
    }
  }
  const last = items.at(-1);
  if (last !== undefined) result.lastKey = keyOf(last);
  return result;
}

/** What the overdue and reminder jobs are built on. */
export interface JobUseCaseDeps {
  unitOfWork: UnitOfWork;
  /** The current instant; tests set it (no waiting for a day to pass). */
  now?: () => Date;
}

export const jobClock = (deps: JobUseCaseDeps): (() => Date) => deps.now ?? (() => new Date());
