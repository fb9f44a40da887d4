import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the scheduled jobs of the business-service record, each row the guard that makes a job's
 * effect happen once: `invoices.overdue_at` (marked once), `invoice_reminders` (one per invoice
 * and offset), and the recurring invoice schedules with one `recurring_invoice_periods` row per
 * period invoiced.
 */
export class CreateJobTables1797100000000 implements MigrationInterface {
  name = 'CreateJobTables1797100000000';

  async up(runner: QueryRunner): Promise<void> {
    // The invoice stays `issued`; overdue is a flag beside the status (as Lago's payment_overdue).
    await runner.query(`ALTER TABLE invoices ADD COLUMN overdue_at timestamptz`);
    // The overdue and reminder jobs scan issued invoices by due date, then by id (their keyset).
    await runner.query(`CREATE INDEX invoices_issued_by_due ON invoices (due_date, id) WHERE status = 'issued'`);

    await runner.query(`
      CREATE TABLE invoice_reminders (
        invoice_id   uuid NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
        offset_days  integer NOT NULL,
        reminded_at  timestamptz NOT NULL,
        PRIMARY KEY (invoice_id, offset_days)
      )`);

    await runner.query(`
      CREATE TABLE recurring_invoices (
        id                 uuid PRIMARY KEY,
        business_id        uuid NOT NULL REFERENCES businesses (id),
        customer_id        uuid NOT NULL REFERENCES customers (id),
        currency           char(3) NOT NULL,
        lines              jsonb NOT NULL,
        cadence            text NOT NULL CHECK (cadence IN ('monthly', 'weekly')),
        anchor_day         smallint NOT NULL CHECK (anchor_day BETWEEN 1 AND 31),
        next_date          date NOT NULL,
        auto_issue         boolean NOT NULL,
        payment_term_days  integer NOT NULL CHECK (payment_term_days BETWEEN 0 AND 365),
        status             text NOT NULL CHECK (status IN ('active', 'paused', 'ended')),
        version            integer NOT NULL,
        created_at         timestamptz NOT NULL,
        updated_at         timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX recurring_invoices_by_business ON recurring_invoices (business_id, id DESC)`);
    // The recurring job's keyset: active schedules by next date, then id.
    await runner.query(
      `CREATE INDEX recurring_invoices_due ON recurring_invoices (next_date, id) WHERE status = 'active'`,
    );

    // One row per period invoiced: the primary key is what makes each period's invoice exactly once.
    // No foreign key to the invoice: a draft made for a period may be deleted, the period stays done.
    await runner.query(`
      CREATE TABLE recurring_invoice_periods (
        schedule_id  uuid NOT NULL REFERENCES recurring_invoices (id),
        period_date  date NOT NULL,
        invoice_id   uuid NOT NULL,
        created_at   timestamptz NOT NULL,
        PRIMARY KEY (schedule_id, period_date)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE recurring_invoice_periods`);
    await runner.query(`DROP TABLE recurring_invoices`);
    await runner.query(`DROP TABLE invoice_reminders`);
    await runner.query(`DROP INDEX invoices_issued_by_due`);
    await runner.query(`ALTER TABLE invoices DROP COLUMN overdue_at`);
  }
}
