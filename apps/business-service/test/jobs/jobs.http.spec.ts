import type { JobRunAcceptedResponse, JobsStatusResponse } from '@platform/contracts';
import { signIdentity } from '@platform/identity';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusinessService, type BusinessServiceUnderTest } from '../support/business-service-under-test.js';
import { seedBusiness, seedCustomer, type SeededBusiness } from '../support/invoice-seeds.js';
import { seedIssuedInvoice, seedRecurringInvoice } from '../support/job-seeds.js';

interface Answer<T = unknown> {
  status: number;
  body: T;
}

const JOBS = [
  'overdue-invoices',
  'invoice-reminders',
  'recurring-invoices',
  'payment-reconciliation',
  'retention-payment-provider-events',
];
// @platform/jobs' advisory lock of a job: ("jobs" in ASCII, hashtext(name)).
const JOBS_LOCK_NAMESPACE = 0x6a6f6273;

// Two instances of the service on one database, jobs triggered through the admin routes at once;
// no schedule (the test support sets JOBS_ENABLED=false), so every run is one the test started.
describe('scheduled jobs of two business-service instances on one database', () => {
  let first: BusinessServiceUnderTest;
  let second: BusinessServiceUnderTest;
  let db: pg.Client;
  let acme: SeededBusiness;
  let customerId: string;
  const adminId = '01964f4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f';
  const sql = (text: string, values: unknown[] = []) => db.query(text, values);

  beforeAll(async () => {
    first = await startBusinessService();
    second = await startBusinessService({}, { database: first.database });
    db = new pg.Client({ connectionString: first.database.url });
    await db.connect();
    acme = await seedBusiness(sql, { name: 'Acme Consulting GmbH', prefix: 'ACME' });
    customerId = await seedCustomer(sql, acme.businessId, { name: 'Globex', email: 'billing@globex.example' });
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await second?.stop();
    await first?.stop();
  });

  async function call<T>(
    instance: BusinessServiceUnderTest,
    method: string,
    path: string,
    roles: string[] = ['user', 'admin'],
  ): Promise<Answer<T>> {
    const identity = signIdentity(
      { userId: adminId, roles, tokenIssuedAt: Math.floor(Date.now() / 1000) },
      { method, path },
      instance.identityKey,
    );
    const response = await fetch(`${instance.service.url}${path}`, { method, headers: identity });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Until no run of `job` is going on, on either instance (read from job_runs). */
  async function settled(job: string): Promise<void> {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const { rows } = await sql(`SELECT count(*)::int AS n FROM job_runs WHERE job = $1 AND status = 'running'`, [
        job,
      ]);
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${job} still running`);
  }

  /** Both instances trigger `job` at once: one run at a time, so 202 and 409, or two 202 one after the other. */
  async function triggerOnBoth(job: string): Promise<number[]> {
    const answers = await Promise.all([
      call<JobRunAcceptedResponse>(first, 'POST', `/v1/admin/jobs/${job}/runs`),
      call<JobRunAcceptedResponse>(second, 'POST', `/v1/admin/jobs/${job}/runs`),
    ]);
    for (const answer of answers) expect([202, 409]).toContain(answer.status);
    await settled(job);
    return answers.map((answer) => answer.status);
  }

  it('marks 150 overdue invoices once each, with one event each, whichever instance runs', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const ids: string[] = [];
    for (let i = 0; i < 150; i += 1) ids.push(await seedIssuedInvoice(sql, acme, customerId, { dueDate: yesterday }));

    expect(await triggerOnBoth('overdue-invoices')).toContain(202);
    expect(await triggerOnBoth('overdue-invoices')).toContain(202);

    const { rows: marked } = await sql(`SELECT id FROM invoices WHERE overdue_at IS NOT NULL`);
    expect(marked.map((row: { id: string }) => row.id).sort()).toEqual([...ids].sort());
    const { rows: events } = await sql(
      `SELECT key, count(*)::int AS n FROM messaging_outbox WHERE payload::jsonb->>'type' = 'business.invoice.overdue' GROUP BY key`,
    );
    expect(events).toHaveLength(150);
    expect(events.every((row: { n: number }) => row.n === 1)).toBe(true);
    const { rows: runs } = await sql(
      `SELECT status, items_succeeded FROM job_runs WHERE job = 'overdue-invoices' ORDER BY started_at`,
    );
    expect(runs.every((run: { status: string }) => run.status === 'succeeded')).toBe(true);
    expect(runs.reduce((sum: number, run: { items_succeeded: number }) => sum + run.items_succeeded, 0)).toBe(150);
  });

  it('makes one invoice per recurring period, caught up once, with both instances triggering', async () => {
    const today = new Date();
    const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 1)).toISOString().slice(0, 10);
    const schedule = await seedRecurringInvoice(sql, acme, customerId, { nextDate: start, autoIssue: true });

    await triggerOnBoth('recurring-invoices');
    await triggerOnBoth('recurring-invoices');

    const { rows: periods } = await sql(`SELECT invoice_id FROM recurring_invoice_periods WHERE schedule_id = $1`, [
      schedule,
    ]);
    expect(periods).toHaveLength(3); // two missed months and this one
    const { rows: invoices } = await sql(`SELECT id, status FROM invoices WHERE id = ANY($1::uuid[])`, [
      periods.map((row: { invoice_id: string }) => row.invoice_id),
    ]);
    expect(invoices.map((row: { status: string }) => row.status)).toEqual(['issued', 'issued', 'issued']);
  });

  it('answers 409 while the job runs elsewhere, 404 for an unknown job, 403 to a non-admin', async () => {
    const holder = new pg.Client({ connectionString: first.database.url });
    await holder.connect();
    try {
      // Another instance holding the job's lock is what "running elsewhere" is.
      await holder.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [JOBS_LOCK_NAMESPACE, 'invoice-reminders']);
      const busy = await call(second, 'POST', '/v1/admin/jobs/invoice-reminders/runs');
      expect(busy).toMatchObject({ status: 409, body: { code: 'JOB.ALREADY_RUNNING' } });
    } finally {
      await holder.end();
    }
    const free = await call<JobRunAcceptedResponse>(second, 'POST', '/v1/admin/jobs/invoice-reminders/runs');
    expect(free.status).toBe(202);
    expect(free.body).toMatchObject({ job: 'invoice-reminders', runId: expect.any(String) });
    await settled('invoice-reminders');

    expect(await call(first, 'POST', '/v1/admin/jobs/no-such-job/runs')).toMatchObject({
      status: 404,
      body: { code: 'JOB.NOT_FOUND' },
    });
    for (const [method, path] of [
      ['GET', '/v1/admin/jobs'],
      ['POST', '/v1/admin/jobs/overdue-invoices/runs'],
    ] as const) {
      expect(await call(first, method, path, ['user'])).toMatchObject({
        status: 403,
        body: { code: 'ADMIN.FORBIDDEN' },
      });
    }
  });

  it('shows every job in GET /v1/admin/jobs and GET /jobs/status on the management port', async () => {
    const admin = await call<JobsStatusResponse>(first, 'GET', '/v1/admin/jobs');
    expect(admin.status).toBe(200);
    expect(admin.body.jobs.map((job) => job.job).sort()).toEqual([...JOBS].sort());
    const overdue = admin.body.jobs.find((job) => job.job === 'overdue-invoices');
    expect(overdue).toMatchObject({ running: false, stale: false, lastError: null, everyMs: 3_600_000 });
    expect(overdue?.lastSucceededAt).toEqual(expect.any(String));

    const response = await fetch(`${second.service.managementUrl}/jobs/status`);
    expect(response.status).toBe(200);
    const status = (await response.json()) as {
      instance: string;
      jobs: { job: string; lastSucceededAt: string | null }[];
    };
    expect(status.jobs.map((job) => job.job).sort()).toEqual([...JOBS].sort());
    expect(status.jobs.find((job) => job.job === 'recurring-invoices')?.lastSucceededAt).toEqual(expect.any(String));

    const health = await fetch(`${second.service.managementUrl}/health`);
    expect(health.status).toBe(200);
  });

  it('runs a job on its schedule from configuration (JOBS_ENABLED, JOBS_OVERDUE_EVERY_MS)', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const invoice = await seedIssuedInvoice(sql, acme, customerId, { dueDate: yesterday });
    const scheduled = await startBusinessService(
      { JOBS_ENABLED: 'true', JOBS_OVERDUE_EVERY_MS: '1000' },
      { database: first.database },
    );
    try {
      // Until a scheduled run that marked it (and the invoices of earlier tests now overdue) has finished (the run log is written after its batches).
      let runs: { trigger: string }[] = [];
      for (let attempt = 0; attempt < 300 && runs.length === 0; attempt += 1) {
        ({ rows: runs } = await sql(
          `SELECT trigger FROM job_runs WHERE job = 'overdue-invoices' AND status = 'succeeded' AND trigger = 'schedule'
             AND items_succeeded >= 1`,
        ));
        if (runs.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(runs.map((run) => run.trigger)).toEqual(['schedule']);
      const { rows } = await sql(`SELECT overdue_at FROM invoices WHERE id = $1`, [invoice]);
      expect(rows[0].overdue_at).not.toBeNull();
    } finally {
      await scheduled.stop();
    }
  });
});
