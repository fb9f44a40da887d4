/** An invoice's place in its life, as the summary counts it. */
export type SummaryInvoiceStatus = 'draft' | 'issued' | 'paid' | 'void';

/** Invoices of one status in one currency: how many, and the sum of their totals in minor units. */
export interface StatusTotal {
  status: SummaryInvoiceStatus;
  currency: string;
  count: number;
  totalMinor: number;
}

/** Issued invoices whose due date is before today (UTC), in one currency. */
export interface OverdueTotal {
  currency: string;
  count: number;
  totalMinor: number;
}

/**
 * Counts and totals of one business's invoices, as of `computedAt`. Entries are sorted (status,
 * then currency; overdue by currency) so that two summaries of the same data are equal.
 */
export interface BusinessSummary {
  businessId: string;
  byStatus: StatusTotal[];
  overdue: OverdueTotal[];
  computedAt: Date;
}
