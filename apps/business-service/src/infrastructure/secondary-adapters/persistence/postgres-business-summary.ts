import type { EntityManager } from 'typeorm';
import type { BusinessSummaries } from '../../../application/ports/business-summary.port.js';
import type { BusinessSummary, SummaryInvoiceStatus } from '../../../domain/business-summary.js';

interface SummaryRow {
  status: SummaryInvoiceStatus;
  currency: string;
  count: number;
  total: string;
  overdue_count: number;
  overdue_total: string;
}

// One statement, so one snapshot: the counts, the totals and the overdue amounts agree with each
// other. The plan reads the business's rows through invoices_by_business (or invoices_by_status_due)
// and aggregates at most one group per status and currency. Sums are numeric in SQL (a bigint sum
// cannot overflow there) and text on the wire, checked on the way in.
const SUMMARY = `
  SELECT status,
         currency,
         count(*)::int AS count,
         sum(total_minor)::text AS total,
         count(*) FILTER (WHERE status = 'issued' AND due_date < $2::date)::int AS overdue_count,
         coalesce(sum(total_minor) FILTER (WHERE status = 'issued' AND due_date < $2::date), 0)::text AS overdue_total
    FROM invoices
   WHERE business_id = $1
   GROUP BY status, currency
   ORDER BY status, currency`;

function minorUnits(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`a summary total (${text}) is beyond the API's integer range`);
  return value;
}

/** BusinessSummaries as one aggregate over `invoices` (outside any transaction: a read). */
export class PostgresBusinessSummaries implements BusinessSummaries {
  constructor(private readonly database: Pick<EntityManager, 'query'>) {}

  async compute(businessId: string, today: string): Promise<BusinessSummary> {
    const rows: SummaryRow[] = await this.database.query(SUMMARY, [businessId, today]);
    return {
      businessId,
      byStatus: rows.map((row) => ({
        status: row.status,
        currency: row.currency,
        count: row.count,
        totalMinor: minorUnits(row.total),
      })),
      // Overdue is a subset of issued, and rows are one per (status, currency): at most one per currency.
      overdue: rows
        .filter((row) => row.overdue_count > 0)
        .map((row) => ({
          currency: row.currency,
          count: row.overdue_count,
          totalMinor: minorUnits(row.overdue_total),
        })),
      computedAt: new Date(),
    };
  }
}
