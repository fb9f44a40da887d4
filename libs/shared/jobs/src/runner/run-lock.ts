import type { DataSource, QueryRunner } from 'typeorm';

// First key of the two-int4 advisory lock: "jobs" in ASCII. The two-key space is apart from the
// one-bigint space, so locks other code takes with a single key never collide with a job's.
export const JOBS_LOCK_NAMESPACE = 0x6a6f6273;

/**
 * A job's cross-instance lock: a PostgreSQL session advisory lock held on a dedicated connection
 * for the whole run. A process that dies loses its connection, and PostgreSQL frees the lock.
 */
export interface RunLock {
  /** The connection that holds the lock; the run log is written on it, so a lost lock stops the writes. */
  readonly runner: QueryRunner;
  release(): Promise<void>;
}

/** Takes the job's lock if free; undefined when another session (instance) holds it. */
export async function tryLock(dataSource: DataSource, job: string): Promise<RunLock | undefined> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    const [row] = (await runner.query(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked`, [
      JOBS_LOCK_NAMESPACE,
      job,
    ])) as { locked: boolean }[];
    if (!row?.locked) {
      await runner.release();
      return undefined;
    }
  } catch (error) {
    await runner.release().catch(() => undefined);
    throw error;
  }
  return {
    runner,
    async release() {
      try {
        await runner.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [JOBS_LOCK_NAMESPACE, job]);
      } finally {
        // If the unlock failed the connection is broken, and PostgreSQL freed the lock with it.
        await runner.release();
      }
    },
  };
}
