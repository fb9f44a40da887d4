import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The run log of background jobs: one row per run, written by the runner that holds the job's
 * lock. A service lists this migration with its own (`migrations: [...jobsMigrations, ...own]`).
 */
export class JobsSchema1796500000000 implements MigrationInterface {
  name = 'JobsSchema1796500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE job_runs (
        id               uuid PRIMARY KEY,
        job              text NOT NULL,
        instance         text NOT NULL,
        trigger          text NOT NULL CHECK (trigger IN ('schedule', 'admin')),
        status           text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned')),
        started_at       timestamptz NOT NULL,
        finished_at      timestamptz,
        items_total      integer,
        items_succeeded  integer NOT NULL DEFAULT 0,
        items_failed     integer NOT NULL DEFAULT 0,
        error            text,
        duration_ms      integer
      )`);
    // Status reads the latest run of each job, and the latest success; retention deletes the oldest.
    await runner.query(`CREATE INDEX job_runs_job_started ON job_runs (job, started_at DESC)`);
    await runner.query(
      `CREATE INDEX job_runs_job_succeeded ON job_runs (job, started_at DESC) WHERE status = 'succeeded'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE job_runs`);
  }
}

/** The migrations of this library, in order, to spread into a service's DataSource `migrations`. */
export const jobsMigrations = [JobsSchema1796500000000];
