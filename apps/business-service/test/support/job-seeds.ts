import { v7 as uuidv7 } from 'uuid';
import type { SeededBusiness, Sql } from './invoice-seeds.js';

let numbered = 0;

/**
 * An issued invoice written with SQL (the row IssueInvoiceUseCase writes), so job tests can make
 * hundreds of them quickly: one line of `totalMinor`, numbered `<prefix>-JOB-<n>`.
 */
export async function seedIssuedInvoice(
  sql: Sql,
  business: SeededBusiness,
  customerId: string,
  options: { dueDate: string; totalMinor?: number; paidMinor?: number },
): Promise<string> {
  numbered += 1;
  const id = uuidv7();
  const total = options.totalMinor ?? 10_000;
  const lines = [
    {
      description: 'Service',
      quantity: 1,
      unitAmountMinor: total,
      taxRateBps: 0,
      subtotalMinor: total,
      taxMinor: 0,
      totalMinor: total,
    },
  ];
  await sql(
    `INSERT INTO invoices (id, business_id, customer_id, number, status, currency, due_date, lines, subtotal_minor,
       tax_minor, total_minor, paid_minor, issued_at, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'issued', $5, $6, $7::jsonb, $8, 0, $8, $9, now(), 2, now(), now())`,
    [
      id,
      business.businessId,
      customerId,
      `${business.prefix}-JOB-${numbered}`,
      business.currency,
      options.dueDate,
      JSON.stringify(lines),
      total,
      options.paidMinor ?? 0,
    ],
  );
  return id;
}

/** A recurring invoice schedule written with SQL, active, whose next period is `nextDate`. */
export async function seedRecurringInvoice(
  sql: Sql,
  business: SeededBusiness,
  customerId: string,
  options: { nextDate: string; cadence?: 'monthly' | 'weekly'; autoIssue?: boolean },
): Promise<string> {
  const id = uuidv7();
  await sql(
    `INSERT INTO recurring_invoices (id, business_id, customer_id, currency, lines, cadence, anchor_day, next_date,
       auto_issue, payment_term_days, status, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, 14, 'active', 1, now(), now())`,
    [
      id,
      business.businessId,
      customerId,
      business.currency,
      JSON.stringify([{ description: 'Hosting', quantity: 1, unitAmountMinor: 4900, taxRateBps: 1900 }]),
      options.cadence ?? 'monthly',
      Number(options.nextDate.slice(8, 10)),
      options.nextDate,
      options.autoIssue ?? true,
    ],
  );
  return id;
}
