import { JobRunner } from '@platform/jobs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusinessService, type BusinessServiceUnderTest } from '../support/business-service-under-test.js';

const DAY = 86_400_000;

/** `retention_rows_deleted_total{table}` as the management port's /metrics shows it (0 before the first). */
async function rowsDeleted(service: BusinessServiceUnderTest, table: string): Promise<number> {
  const text = await (await fetch(`${service.service.managementUrl}/metrics`)).text();
  const line = text.split('\n').find((row) => row.startsWith(`retention_rows_deleted_total{table="${table}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

// The service's wired retention rules (README "Retention"), run through its own JobRunner.
describe('retention rules of the business-service', () => {
  let business: BusinessServiceUnderTest;
  let db: pg.Client;
  let runner: JobRunner;

  beforeAll(async () => {
    business = await startBusinessService({
      RETENTION_PAYMENT_PROVIDER_EVENTS_DAYS: '60',
      RETENTION_JOB_RUNS_DAYS: '20',
    });
    db = new pg.Client({ connectionString: business.database.url });
    await db.connect();
    runner = business.service.app.get(JobRunner);
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await business?.stop();
  });

  const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

  it('deletes payment provider events received longer ago than the setting and keeps the recent ones', async () => {
    for (const [id, age] of [
      ['evt_old_1', 61],
      ['evt_old_2', 400],
      ['evt_recent', 59],
    ] as const) {
      await db.query(
        `INSERT INTO payment_provider_events (provider, event_id, received_at, type, payload)
         VALUES ('fake', $1, $2, 'payment.succeeded', '{}')`,
        [id, daysAgo(age)],
      );
    }
    const before = await rowsDeleted(business, 'payment_provider_events');

    const { done } = await runner.trigger('retention-payment-provider-events');

    expect(await done).toMatchObject({ outcome: 'succeeded', itemsSucceeded: 2 });
    const { rows } = await db.query(`SELECT event_id FROM payment_provider_events`);
    expect(rows).toEqual([{ event_id: 'evt_recent' }]);
    expect(await rowsDeleted(business, 'payment_provider_events')).toBe(before + 2);
  });

  it('prunes job runs past RETENTION_JOB_RUNS_DAYS after a run, keeping the recent ones', async () => {
    await db.query(
      `INSERT INTO job_runs (id, job, instance, trigger, status, started_at, finished_at)
       VALUES ('01900000-0000-7000-8000-0000000000a1', 'overdue-invoices', 'old', 'schedule', 'failed', $1, $1),
              ('01900000-0000-7000-8000-0000000000a2', 'overdue-invoices', 'old', 'schedule', 'failed', $2, $2)`,
      [daysAgo(21), daysAgo(19)],
    );

    await (
      await runner.trigger('overdue-invoices')
    ).done;

    const { rows } = await db.query(`SELECT id FROM job_runs WHERE instance = 'old'`);
    expect(rows).toEqual([{ id: '01900000-0000-7000-8000-0000000000a2' }]);
  });

  it('refuses to start with a keep period that is not a whole number of days', async () => {
    await expect(startBusinessService({ RETENTION_PAYMENT_PROVIDER_EVENTS_DAYS: '0' })).rejects.toThrow(
      /RETENTION_PAYMENT_PROVIDER_EVENTS_DAYS/,
    );
  });
});
