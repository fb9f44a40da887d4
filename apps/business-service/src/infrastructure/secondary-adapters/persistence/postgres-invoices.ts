import type { EntityManager } from 'typeorm';
import { validate as isUuid } from 'uuid';
import type { InvoiceFilter, InvoiceRepository } from '../../../application/ports/invoice-repository.port.js';
import type { Page, PageRequest } from '../../../application/ports/page.js';
import { Invoice, type InvoiceLine, type InvoiceState, type InvoiceStatus } from '../../../domain/invoice.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

interface InvoiceRow {
  id: string;
  business_id: string;
  customer_id: string;
  number: string | null;
  status: InvoiceStatus;
  currency: string;
  due_date: string;
  lines: InvoiceLine[];
  // bigint columns come back as text: exact, converted once here.
  subtotal_minor: string;
  tax_minor: string;
  total_minor: string;
  issued_at: Date | null;
  voided_at: Date | null;
  void_reason: string | null;
  paid_minor: string;
  overdue_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

// due_date as text: node-postgres would turn a `date` into a Date at local midnight.
const COLUMNS = `id, business_id, customer_id, number, status, currency, to_char(due_date, 'YYYY-MM-DD') AS due_date,
  lines, subtotal_minor, tax_minor, total_minor, issued_at, voided_at, void_reason, version, created_at, updated_at, overdue_at, paid_minor`;

/** InvoiceRepository on `invoices`, in the transaction of `manager`. */
export class PostgresInvoices implements InvoiceRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(invoice: Invoice): Promise<void> {
    const s = invoice.toState();
    await this.manager.query(
      `INSERT INTO invoices (id, business_id, customer_id, number, status, currency, due_date, lines, subtotal_minor,
         tax_minor, total_minor, issued_at, voided_at, void_reason, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        s.id,
        s.businessId,
        s.customerId,
        s.number,
        s.status,
        s.currency,
        s.dueDate,
        JSON.stringify(s.lines),
        s.subtotalMinor,
        s.taxMinor,
        s.totalMinor,
        s.issuedAt,
        s.voidedAt,
        s.voidReason,
        s.version,
        s.createdAt,
        s.updatedAt,
      ],
    );
  }

  async find(
    businessId: string,
    invoiceId: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<Invoice | undefined> {
    if (!isUuid(businessId) || !isUuid(invoiceId)) return undefined;
    const [row]: InvoiceRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM invoices WHERE business_id = $1 AND id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [businessId, invoiceId],
    );
    return row && fromRow(row);
  }

  async update(invoice: Invoice, expectedVersion: number): Promise<boolean> {
    const s = invoice.toState();
    const result: unknown = await this.manager.query(
      `UPDATE invoices SET customer_id = $4, number = $5, status = $6, currency = $7, due_date = $8, lines = $9::jsonb,
         subtotal_minor = $10, tax_minor = $11, total_minor = $12, issued_at = $13, voided_at = $14, void_reason = $15,
         version = $16, updated_at = $17, paid_minor = $18
       WHERE business_id = $1 AND id = $2 AND version = $3`,
      [
        s.businessId,
        s.id,
        expectedVersion,
        s.customerId,
        s.number,
        s.status,
        s.currency,
        s.dueDate,
        JSON.stringify(s.lines),
        s.subtotalMinor,
        s.taxMinor,
        s.totalMinor,
        s.issuedAt,
        s.voidedAt,
        s.voidReason,
        s.version,
        s.updatedAt,
        s.paidMinor,
      ],
    );
    return affectedRows(result) === 1;
  }

  async deleteDraft(businessId: string, invoiceId: string, expectedVersion: number): Promise<boolean> {
    const result: unknown = await this.manager.query(
      `DELETE FROM invoices WHERE business_id = $1 AND id = $2 AND version = $3 AND status = 'draft'`,
      [businessId, invoiceId, expectedVersion],
    );
    return affectedRows(result) === 1;
  }

  async list(businessId: string, filter: InvoiceFilter, page: PageRequest): Promise<Page<Invoice>> {
    const values: unknown[] = [businessId];
    const param = (value: unknown) => `$${values.push(value)}`;
    const conditions = ['business_id = $1'];
    if (filter.status !== undefined) conditions.push(`status = ${param(filter.status)}`);
    if (filter.customerId !== undefined) {
      // Not a UUID: no invoice has it (and PostgreSQL would refuse to compare it).
      if (!isUuid(filter.customerId)) return { items: [] };
      conditions.push(`customer_id = ${param(filter.customerId)}`);
    }
    if (filter.dueBefore !== undefined) conditions.push(`due_date < ${param(filter.dueBefore)}::date`);
    if (filter.dueAfter !== undefined) conditions.push(`due_date > ${param(filter.dueAfter)}::date`);
    if (page.cursor !== undefined) {
      const [lastId] = decodeCursor(page.cursor, ['uuid']);
      conditions.push(`id < ${param(lastId)}::uuid`);
    }
    // UUID v7 ids grow with time: id DESC is newest first, and one column makes a stable cursor.
    // One row more than asked tells whether there is a next page, without a count.
    const rows: InvoiceRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM invoices WHERE ${conditions.join(' AND ')} ORDER BY id DESC LIMIT ${param(page.limit + 1)}`,
      values,
    );
    const items = rows.slice(0, page.limit).map(fromRow);
    const last = items.at(-1);
    return { items, ...(rows.length > page.limit && last ? { nextCursor: encodeCursor([last.id]) } : {}) };
  }
}

// TypeORM's query() answers an UPDATE or DELETE with [rows, affected count].
function affectedRows(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

function fromRow(row: InvoiceRow): Invoice {
  const state: InvoiceState = {
    id: row.id,
    businessId: row.business_id,
    customerId: row.customer_id,
    number: row.number,
    status: row.status,
    currency: row.currency,
    dueDate: row.due_date,
    lines: row.lines,
    subtotalMinor: Number(row.subtotal_minor),
    taxMinor: Number(row.tax_minor),
    totalMinor: Number(row.total_minor),
    issuedAt: row.issued_at,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
    paidMinor: Number(row.paid_minor),
    overdueAt: row.overdue_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return Invoice.restore(state);
}
