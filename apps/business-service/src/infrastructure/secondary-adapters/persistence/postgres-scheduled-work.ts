import type { EntityManager } from 'typeorm';
import type { InvoiceKey, ReminderCandidate, ScheduledWork } from '../../../application/ports/scheduled-work.port.js';
import type { Invoice } from '../../../domain/invoice.js';

// Scans start after the keyset position; a batch never holds locks: each item locks its own row later.
const AFTER = `($2::uuid IS NULL OR i.id > $2::uuid)`;

// One WHERE per job, shared by its page and its count.
const OVERDUE = `i.status = 'issued' AND i.overdue_at IS NULL AND i.due_date < $1::date`;
/**
 * FROM and WHERE of the reminder scan: the latest offset whose day has come, per invoice, with none
 * recorded at it or later. `$1` is today; `offsets` and `smallest` name the placeholders of the
 * offsets array and of its smallest value (which lets the due-date index narrow the scan).
 */
function reminderScan(offsets: string, smallest: string): string {
  return `invoices i
       CROSS JOIN LATERAL (
         SELECT max(o) AS offset_days FROM unnest(${offsets}::int[]) AS o WHERE i.due_date + o <= $1::date
       ) latest
       WHERE i.status = 'issued' AND i.total_minor > i.paid_minor
         AND i.due_date <= $1::date - ${smallest}::int
         AND latest.offset_days IS NOT NULL
         AND NOT EXISTS (
           SELECT 1 FROM invoice_reminders r WHERE r.invoice_id = i.id AND r.offset_days >= latest.offset_days
         )`;
}

/** ScheduledWork on `invoices` and `invoice_reminders`, in the transaction of `manager`. */
export class PostgresScheduledWork implements ScheduledWork {
  constructor(private readonly manager: EntityManager) {}

  async overdueCandidates(today: string, after: string | undefined, limit: number): Promise<InvoiceKey[]> {
    const rows: { id: string; business_id: string }[] = await this.manager.query(
      `SELECT i.id, i.business_id FROM invoices i WHERE ${OVERDUE} AND ${AFTER} ORDER BY i.id LIMIT $3`,
      [today, after ?? null, limit],
    );
    return rows.map((row) => ({ businessId: row.business_id, invoiceId: row.id }));
  }

  async reminderCandidates(
    today: string,
    offsets: readonly number[],
    after: string | undefined,
    limit: number,
  ): Promise<ReminderCandidate[]> {
    const rows: { id: string; business_id: string; offset_days: number }[] = await this.manager.query(
      `SELECT i.id, i.business_id, latest.offset_days FROM ${reminderScan('$4', '$5')} AND ${AFTER}
       ORDER BY i.id LIMIT $3`,
      [today, after ?? null, limit, [...offsets], Math.min(...offsets)],
    );
    return rows.map((row) => ({ businessId: row.business_id, invoiceId: row.id, offsetDays: row.offset_days }));
  }

  async countOverdue(today: string): Promise<number> {
    const [row]: { n: number }[] = await this.manager.query(
      `SELECT count(*)::int AS n FROM invoices i WHERE ${OVERDUE}`,
      [today],
    );
    return row?.n ?? 0;
  }

  async countReminders(today: string, offsets: readonly number[]): Promise<number> {
    const [row]: { n: number }[] = await this.manager.query(
      `SELECT count(*)::int AS n FROM ${reminderScan('$2', '$3')}`,
      [today, [...offsets], Math.min(...offsets)],
    );
    return row?.n ?? 0;
  }

  async markOverdue(invoice: Invoice, expectedVersion: number): Promise<boolean> {
    const s = invoice.toState();
    const result: unknown = await this.manager.query(
      `UPDATE invoices SET overdue_at = $4, version = $5, updated_at = $6
       WHERE business_id = $1 AND id = $2 AND version = $3 AND status = 'issued' AND overdue_at IS NULL`,
      [s.businessId, s.id, expectedVersion, s.overdueAt, s.version, s.updatedAt],
    );
    return Array.isArray(result) && result[1] === 1;
  }

  async recordReminder(invoiceId: string, offsetDays: number, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO invoice_reminders (invoice_id, offset_days, reminded_at) VALUES ($1, $2, $3)
       ON CONFLICT (invoice_id, offset_days) DO NOTHING RETURNING invoice_id`,
      [invoiceId, offsetDays, at],
    );
    return rows.length === 1;
  }
}
