import { Outbox } from '@platform/messaging';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CreateRecurringPeriodInvoicesUseCase } from '../../src/application/create-recurring-period-invoices.use-case.js';
import type { BatchResult } from '../../src/application/job-batch.js';
import { MarkOverdueInvoicesUseCase } from '../../src/application/mark-overdue-invoices.use-case.js';
import type { Transaction, UnitOfWork } from '../../src/application/ports/unit-of-work.port.js';
import { SendInvoiceRemindersUseCase } from '../../src/application/send-invoice-reminders.use-case.js';
import { OutboxUnitOfWork } from '../../src/infrastructure/secondary-adapters/outbox/outbox-unit-of-work.js';
import { seedIssuedInvoice, seedRecurringInvoice } from '../support/job-seeds.js';
import { createInvoiceTestBed, type InvoiceTestBed, type SeededBusiness } from '../support/invoice-test-bed.js';

const LIMIT = 100;

/** Runs batches as the runner does, until one comes back short; the results of every batch. */
async function runAll(batch: (after: string | undefined, limit: number) => Promise<BatchResult>) {
  const results: BatchResult[] = [];
  let after: string | undefined;
  for (;;) {
    const result = await batch(after, LIMIT);
    results.push(result);
    if (result.processed < LIMIT) return results;
    after = result.lastKey;
  }
}

const total = (results: BatchResult[], field: 'succeeded' | 'skipped' | 'processed') =>
  results.reduce((sum, result) => sum + result[field], 0);

/** A real unit of work that, after `commits` transactions, makes every later one fail at its end (a crash mid-batch). */
class CrashingUnitOfWork implements UnitOfWork {
  private runs = 0;
  constructor(
    private readonly inner: UnitOfWork,
    private readonly commits: number,
  ) {}
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    this.runs += 1;
    // The first run of a batch is the scan; the item transactions follow.
    const crash = this.runs > this.commits + 1;
    return this.inner.run(async (tx) => {
      const result = await work(tx);
      if (crash) throw new Error('the process died before the commit');
      return result;
    });
  }
}

describe('scheduled job use cases (PostgreSQL)', () => {
  let bed: InvoiceTestBed;
  let unitOfWork: OutboxUnitOfWork;
  let acme: SeededBusiness;
  let customerId: string;
  const sql = (text: string, values: unknown[] = []) => bed.dataSource.query(text, values);
  const now = () => bed.clock.now ?? new Date();

  beforeAll(async () => {
    bed = await createInvoiceTestBed('jobs_use_cases');
    unitOfWork = new OutboxUnitOfWork(new Outbox(bed.dataSource, { source: 'business-service' }), bed.dataSource);
  }, 60_000);
  afterAll(() => bed?.close());

  beforeEach(async () => {
    // Every test starts from an empty book; the businesses stay unique.
    await sql(`DELETE FROM messaging_outbox`);
    await sql(`DELETE FROM invoice_reminders`);
    await sql(`DELETE FROM recurring_invoice_periods`);
    await sql(`DELETE FROM recurring_invoices`);
    await sql(`DELETE FROM invoices`);
    acme = await bed.seedBusiness({ name: 'Acme Consulting GmbH' });
    customerId = await bed.seedCustomer(acme.businessId, { name: 'Globex', email: 'billing@globex.example' });
  });

  describe('overdue', () => {
    it('marks each issued invoice past its due date once, across batches, and publishes one event per invoice', async () => {
      bed.clock.now = new Date('2026-06-10T00:05:00.000Z');
      const overdue: string[] = [];
      for (let i = 0; i < 130; i += 1) {
        overdue.push(
          await seedIssuedInvoice(sql, acme, customerId, {
            dueDate: '2026-06-09',
            totalMinor: 10_000,
            paidMinor: 2_500,
          }),
        );
      }
      const dueToday = await seedIssuedInvoice(sql, acme, customerId, { dueDate: '2026-06-10' });
      const useCase = new MarkOverdueInvoicesUseCase({ unitOfWork, now });
      expect(await useCase.pending()).toBe(130);

      const first = await runAll((after, limit) => useCase.batch(after, limit));
      expect(first.length).toBe(2);
      expect(total(first, 'succeeded')).toBe(130);

      const again = await runAll((after, limit) => useCase.batch(after, limit));
      expect(total(again, 'processed')).toBe(0);
      expect(await useCase.pending()).toBe(0);

      const events = await bed.outboxRecords('business.invoice.overdue');
      expect(events.map((event) => event.key).sort()).toEqual([...overdue].sort());
      expect(events[0]?.envelope.payload).toMatchObject({
        businessName: 'Acme Consulting GmbH',
        customerEmail: 'billing@globex.example',
        total: { amountMinor: 10_000, currency: 'EUR' },
        amountDue: { amountMinor: 7_500, currency: 'EUR' },
        dueDate: '2026-06-09',
        overdueAt: '2026-06-10T00:05:00.000Z',
      });
      const rows: { id: string; status: string; overdue_at: Date | null; version: number }[] = await sql(
        `SELECT id, status, overdue_at, version FROM invoices`,
      );
      for (const row of rows) {
        if (row.id === dueToday) expect(row.overdue_at).toBeNull();
        else
          expect(row).toMatchObject({ status: 'issued', overdue_at: new Date('2026-06-10T00:05:00.000Z'), version: 3 });
      }
    });

    it('after a crash in the middle of a batch, a rerun marks the rest and publishes nothing twice', async () => {
      bed.clock.now = new Date('2026-06-10T00:05:00.000Z');
      const ids: string[] = [];
      for (let i = 0; i < 10; i += 1)
        ids.push(await seedIssuedInvoice(sql, acme, customerId, { dueDate: '2026-06-01' }));

      const crashing = new MarkOverdueInvoicesUseCase({ unitOfWork: new CrashingUnitOfWork(unitOfWork, 5), now });
      const crashed = await crashing.batch(undefined, LIMIT);
      expect(crashed).toMatchObject({ processed: 10, succeeded: 5 });
      expect(crashed.failures).toHaveLength(5);
      expect(await bed.outboxRecords('business.invoice.overdue')).toHaveLength(5);

      const rerun = await runAll((after, limit) =>
        new MarkOverdueInvoicesUseCase({ unitOfWork, now }).batch(after, limit),
      );
      expect(total(rerun, 'succeeded')).toBe(5);
      const events = await bed.outboxRecords('business.invoice.overdue');
      expect(events.map((event) => event.key).sort()).toEqual([...ids].sort());
    });

    it('two runs at once mark and publish each invoice once', async () => {
      bed.clock.now = new Date('2026-06-10T00:05:00.000Z');
      for (let i = 0; i < 40; i += 1) await seedIssuedInvoice(sql, acme, customerId, { dueDate: '2026-06-01' });
      const a = new MarkOverdueInvoicesUseCase({ unitOfWork, now });
      const b = new MarkOverdueInvoicesUseCase({ unitOfWork, now });
      const [ra, rb] = await Promise.all([a.batch(undefined, LIMIT), b.batch(undefined, LIMIT)]);
      expect(ra.succeeded + rb.succeeded).toBe(40);
      expect(await bed.outboxRecords('business.invoice.overdue')).toHaveLength(40);
    });
  });

  describe('reminders (offsets -3, 1, 7)', () => {
    const reminders = (offsets = [-3, 1, 7]) => new SendInvoiceRemindersUseCase({ unitOfWork, now }, offsets);
    const sent = async () =>
      (await bed.outboxRecords('business.invoice.reminder-due')).map(
        (event) => `${event.key}:${(event.envelope.payload as { offsetDays: number }).offsetDays}`,
      );

    it('sends each offset once, on its day, and nothing before it', async () => {
      const invoice = await seedIssuedInvoice(sql, acme, customerId, { dueDate: '2026-06-10' });
      const days: [string, string[]][] = [
        ['2026-06-06', []],
        ['2026-06-07', [`${invoice}:-3`]],
        ['2026-06-07', [`${invoice}:-3`]],
        ['2026-06-10', [`${invoice}:-3`]],
        ['2026-06-11', [`${invoice}:-3`, `${invoice}:1`]],
        ['2026-06-17', [`${invoice}:-3`, `${invoice}:1`, `${invoice}:7`]],
        ['2026-07-30', [`${invoice}:-3`, `${invoice}:1`, `${invoice}:7`]],
      ];
      for (const [day, expected] of days) {
        bed.clock.now = new Date(`${day}T08:00:00.000Z`);
        const before = (await sent()).length;
        const pending = await reminders().pending();
        await runAll((after, limit) => reminders().batch(after, limit));
        expect(await sent(), day).toEqual(expected);
        expect(pending, day).toBe(expected.length - before);
      }
      const [row] = (await sql(`SELECT count(*)::int AS n FROM invoice_reminders WHERE invoice_id = $1`, [
        invoice,
      ])) as {
        n: number;
      }[];
      expect(row?.n).toBe(3);
    });

    it('an invoice seen only long after its due date gets the latest offset once, not a burst', async () => {
      const late = await seedIssuedInvoice(sql, acme, customerId, { dueDate: '2026-01-01' });
      const paid = await seedIssuedInvoice(sql, acme, customerId, {
        dueDate: '2026-01-01',
        totalMinor: 500,
        paidMinor: 500,
      });
      await sql(`UPDATE invoices SET status = 'paid' WHERE id = $1`, [paid]);
      bed.clock.now = new Date('2026-06-17T08:00:00.000Z');
      await runAll((after, limit) => reminders().batch(after, limit));
      await runAll((after, limit) => reminders().batch(after, limit));
      expect(await sent()).toEqual([`${late}:7`]);
    });

    it('spans batches and, with a crash mid-batch, still sends each reminder once', async () => {
      bed.clock.now = new Date('2026-06-11T08:00:00.000Z');
      for (let i = 0; i < 105; i += 1) await seedIssuedInvoice(sql, acme, customerId, { dueDate: '2026-06-10' });
      const crashing = new SendInvoiceRemindersUseCase(
        { unitOfWork: new CrashingUnitOfWork(unitOfWork, 50), now },
        [1],
      );
      expect((await crashing.batch(undefined, LIMIT)).succeeded).toBe(50);
      const rerun = await runAll((after, limit) => reminders([1]).batch(after, limit));
      expect(total(rerun, 'succeeded')).toBe(55);
      const events = await sent();
      expect(events).toHaveLength(105);
      expect(new Set(events).size).toBe(105);
    });
  });

  describe('recurring invoices', () => {
    const recurring = () =>
      new CreateRecurringPeriodInvoicesUseCase({ unitOfWork, summaryCache: bed.summaryCache, now });
    const periods = async (scheduleId: string) =>
      (
        (await sql(
          `SELECT to_char(period_date, 'YYYY-MM-DD') AS day FROM recurring_invoice_periods WHERE schedule_id = $1 ORDER BY 1`,
          [scheduleId],
        )) as { day: string }[]
      ).map((row) => row.day);

    it('catches up each missed period once (its own invoice), issues it, and never twice on a rerun', async () => {
      const schedule = await seedRecurringInvoice(sql, acme, customerId, { nextDate: '2026-03-31', autoIssue: true });
      bed.clock.now = new Date('2026-06-05T09:00:00.000Z');
      expect(await recurring().pending()).toBe(1);
      const first = await runAll((after, limit) => recurring().batch(after, limit));
      expect(total(first, 'succeeded')).toBe(1); // one schedule, three periods
      expect(await periods(schedule)).toEqual(['2026-03-31', '2026-04-30', '2026-05-31']);
      await runAll((after, limit) => recurring().batch(after, limit));
      expect(await periods(schedule)).toEqual(['2026-03-31', '2026-04-30', '2026-05-31']);

      const invoices: { status: string; due_date: string; number: string; total_minor: string }[] = await sql(
        `SELECT status, to_char(due_date, 'YYYY-MM-DD') AS due_date, number, total_minor FROM invoices ORDER BY due_date`,
      );
      expect(invoices.map((invoice) => [invoice.status, invoice.due_date, invoice.total_minor])).toEqual([
        ['issued', '2026-04-14', '5831'],
        ['issued', '2026-05-14', '5831'],
        ['issued', '2026-06-14', '5831'],
      ]);
      expect(new Set(invoices.map((invoice) => invoice.number)).size).toBe(3);
      expect(await bed.outboxRecords('business.invoice.issued')).toHaveLength(3);
      const [row] = (await sql(`SELECT to_char(next_date, 'YYYY-MM-DD') AS d FROM recurring_invoices WHERE id = $1`, [
        schedule,
      ])) as { d: string }[];
      expect(row?.d).toBe('2026-06-30');
    });

    it('two runs at once make one invoice per period; a draft schedule publishes nothing', async () => {
      const schedules: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        schedules.push(
          await seedRecurringInvoice(sql, acme, customerId, {
            nextDate: '2026-05-25',
            cadence: 'weekly',
            autoIssue: false,
          }),
        );
      }
      bed.clock.now = new Date('2026-06-05T09:00:00.000Z');
      await Promise.all([
        runAll((after, limit) => recurring().batch(after, limit)),
        runAll((after, limit) => recurring().batch(after, limit)),
      ]);
      for (const schedule of schedules) expect(await periods(schedule)).toEqual(['2026-05-25', '2026-06-01']);
      const [count] = (await sql(`SELECT count(*)::int AS n FROM invoices WHERE status = 'draft'`)) as { n: number }[];
      expect(count?.n).toBe(10);
      expect(await bed.outboxRecords('business.invoice.issued')).toHaveLength(0);
    });

    it('a crash in the middle of a batch leaves no period half-made, and the rerun makes the rest once', async () => {
      for (let i = 0; i < 6; i += 1) await seedRecurringInvoice(sql, acme, customerId, { nextDate: '2026-06-01' });
      bed.clock.now = new Date('2026-06-05T09:00:00.000Z');
      const crashing = new CreateRecurringPeriodInvoicesUseCase({
        unitOfWork: new CrashingUnitOfWork(unitOfWork, 3),
        summaryCache: bed.summaryCache,
        now,
      });
      expect((await crashing.batch(undefined, LIMIT)).succeeded).toBe(3);
      const [half] = (await sql(`SELECT count(*)::int AS n FROM invoices`)) as { n: number }[];
      expect(half?.n).toBe(3);
      await runAll((after, limit) => recurring().batch(after, limit));
      const [all] = (await sql(`SELECT count(*)::int AS n FROM invoices`)) as { n: number }[];
      const [periodRows] = (await sql(`SELECT count(*)::int AS n FROM recurring_invoice_periods`)) as { n: number }[];
      expect(all?.n).toBe(6);
      expect(periodRows?.n).toBe(6);
      expect(await bed.outboxRecords('business.invoice.issued')).toHaveLength(6);
    });
  });
});
