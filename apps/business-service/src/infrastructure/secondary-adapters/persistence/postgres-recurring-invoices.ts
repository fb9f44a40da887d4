import type { EntityManager } from 'typeorm';
import { validate as isUuid } from 'uuid';
import type { Page, PageRequest } from '../../../application/ports/page.js';
import type {
  DueSchedule,
  RecurringInvoiceRepository,
  RecurringScanPosition,
} from '../../../application/ports/recurring-invoice-repository.port.js';
import type { InvoiceLineInput } from '../../../domain/invoice.js';
import { RecurringInvoice, type RecurringCadence, type RecurringStatus } from '../../../domain/recurring-invoice.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

interface ScheduleRow {
  id: string;
  business_id: string;
  customer_id: string;
  currency: string;
  lines: InvoiceLineInput[];
  cadence: RecurringCadence;
  anchor_day: number;
  next_date: string;
  auto_issue: boolean;
  payment_term_days: number;
  status: RecurringStatus;
  version: number;
  created_at: Date;
  updated_at: Date;
}

// Dates as text: node-postgres would turn a `date` into a Date at local midnight.
const COLUMNS = `id, business_id, customer_id, currency, lines, cadence, anchor_day,
  to_char(next_date, 'YYYY-MM-DD') AS next_date, auto_issue, payment_term_days, status, version, created_at, updated_at`;

/** RecurringInvoiceRepository on `recurring_invoices` and `recurring_invoice_periods`, in the transaction of `manager`. */
export class PostgresRecurringInvoices implements RecurringInvoiceRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(schedule: RecurringInvoice): Promise<void> {
    const s = schedule.toState();
    await this.manager.query(
      `INSERT INTO recurring_invoices (id, business_id, customer_id, currency, lines, cadence, anchor_day, next_date,
         auto_issue, payment_term_days, status, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        s.id,
        s.businessId,
        s.customerId,
        s.currency,
        JSON.stringify(s.lines),
        s.cadence,
        s.anchorDay,
        s.nextDate,
        s.autoIssue,
        s.paymentTermDays,
        s.status,
        s.version,
        s.createdAt,
        s.updatedAt,
      ],
    );
  }

  async find(
    businessId: string,
    id: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<RecurringInvoice | undefined> {
    if (!isUuid(businessId) || !isUuid(id)) return undefined;
    const [row]: ScheduleRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM recurring_invoices WHERE business_id = $1 AND id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [businessId, id],
    );
    return row && fromRow(row);
  }

  async update(schedule: RecurringInvoice, expectedVersion: number): Promise<boolean> {
    const s = schedule.toState();
    const result: unknown = await this.manager.query(
      `UPDATE recurring_invoices SET customer_id = $4, lines = $5::jsonb, cadence = $6, anchor_day = $7, next_date = $8,
         auto_issue = $9, payment_term_days = $10, status = $11, version = $12, updated_at = $13
       WHERE business_id = $1 AND id = $2 AND version = $3`,
      [
        s.businessId,
        s.id,
        expectedVersion,
        s.customerId,
        JSON.stringify(s.lines),
        s.cadence,
        s.anchorDay,
        s.nextDate,
        s.autoIssue,
        s.paymentTermDays,
        s.status,
        s.version,
        s.updatedAt,
      ],
    );
    return Array.isArray(result) && result[1] === 1;
  }

  async list(businessId: string, page: PageRequest): Promise<Page<RecurringInvoice>> {
    const values: unknown[] = [businessId, page.limit + 1];
    let after = '';
    if (page.cursor !== undefined) {
      const [lastId] = decodeCursor(page.cursor, ['uuid']);
      values.push(lastId);
      after = ' AND id < $3::uuid';
    }
    // Newest first by UUID v7 id, one row more than asked to tell whether a next page exists.
    const rows: ScheduleRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM recurring_invoices WHERE business_id = $1${after} ORDER BY id DESC LIMIT $2`,
      values,
    );
    const items = rows.slice(0, page.limit).map(fromRow);
    const last = items.at(-1);
    return { items, ...(rows.length > page.limit && last ? { nextCursor: encodeCursor([last.id]) } : {}) };
  }

  async due(today: string, after: RecurringScanPosition | undefined, limit: number): Promise<DueSchedule[]> {
    const rows: { id: string; business_id: string; next_date: string }[] = await this.manager.query(
      `SELECT id, business_id, to_char(next_date, 'YYYY-MM-DD') AS next_date FROM recurring_invoices
       WHERE status = 'active' AND next_date <= $1::date
         AND ($2::date IS NULL OR (next_date, id) > ($2::date, $3::uuid))
       ORDER BY next_date, id LIMIT $4`,
      [today, after?.nextDate ?? null, after?.id ?? null, limit],
    );
    return rows.map((row) => ({ id: row.id, businessId: row.business_id, nextDate: row.next_date }));
  }

  async countDue(today: string): Promise<number> {
    const [row]: { n: number }[] = await this.manager.query(
      `SELECT count(*)::int AS n FROM recurring_invoices WHERE status = 'active' AND next_date <= $1::date`,
      [today],
    );
    return row?.n ?? 0;
  }

  async recordPeriod(scheduleId: string, periodDate: string, invoiceId: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO recurring_invoice_periods (schedule_id, period_date, invoice_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (schedule_id, period_date) DO NOTHING RETURNING schedule_id`,
      [scheduleId, periodDate, invoiceId, at],
    );
    return rows.length === 1;
  }
}

function fromRow(row: ScheduleRow): RecurringInvoice {
  return RecurringInvoice.restore({
    id: row.id,
    businessId: row.business_id,
    customerId: row.customer_id,
    currency: row.currency,
    lines: row.lines,
    cadence: row.cadence,
    anchorDay: row.anchor_day,
    nextDate: row.next_date,
    autoIssue: row.auto_issue,
    paymentTermDays: row.payment_term_days,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
