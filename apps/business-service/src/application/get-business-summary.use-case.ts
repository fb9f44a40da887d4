import type { BusinessSummary } from '../domain/business-summary.js';
import { requireAccess, type Actor } from './business-access.js';
import type { BusinessRoles } from './ports/business-roles.port.js';
import type { BusinessSummaries } from './ports/business-summary.port.js';
import type { SummaryCache } from './ports/summary-cache.port.js';

export interface GetBusinessSummaryCommand {
  actor: Actor;
  businessId: string;
}

/**
 * Counts and totals of a business's invoices by status and currency, and what is overdue. Served
 * from the summary cache when it holds them, so up to a TTL old (`computedAt` says when); the
 * tenant check runs on every call, before the cache is looked at.
 */
export class GetBusinessSummaryUseCase {
  constructor(
    private readonly roles: BusinessRoles,
    private readonly summaries: BusinessSummaries,
    private readonly cache: SummaryCache,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute({ actor, businessId }: GetBusinessSummaryCommand): Promise<BusinessSummary> {
    // First, always: a cached summary must never reach someone who may not read the business.
    await requireAccess(this.roles, actor, businessId, 'business:read');
    return this.cache.getOrCompute(businessId, () =>
      this.summaries.compute(businessId, this.now().toISOString().slice(0, 10)),
    );
  }
}
