import type { BusinessSummary } from '../../domain/business-summary.js';

/**
 * Computes a business's summary from the invoices themselves (the source of truth, never a
 * cache). Contract: one consistent read of the business's invoices (a single statement, so one
 * snapshot); overdue means issued with a due date before `today` (a UTC calendar date).
 */
export interface BusinessSummaries {
  compute(businessId: string, today: string): Promise<BusinessSummary>;
}
