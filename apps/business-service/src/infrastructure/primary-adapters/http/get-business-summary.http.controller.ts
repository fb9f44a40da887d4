import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import type { BusinessSummaryResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { validate as isUuid } from 'uuid';
import { GetBusinessSummaryUseCase } from '../../../application/get-business-summary.use-case.js';
import type { BusinessSummary } from '../../../domain/business-summary.js';
import { BusinessNotFoundError } from '../../../domain/business.errors.js';

function toSummaryResponse(summary: BusinessSummary): BusinessSummaryResponse {
  return {
    byStatus: summary.byStatus.map(({ status, currency, count, totalMinor }) => ({
      status,
      currency,
      count,
      total: { amountMinor: totalMinor, currency },
    })),
    overdue: summary.overdue.map(({ currency, count, totalMinor }) => ({
      currency,
      count,
      total: { amountMinor: totalMinor, currency },
    })),
    computedAt: summary.computedAt.toISOString(),
  };
}

/** GET /v1/businesses/{businessId}/summary: counts and totals of the business's invoices. */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class GetBusinessSummaryHttpController {
  constructor(@Inject(GetBusinessSummaryUseCase) private readonly getSummary: GetBusinessSummaryUseCase) {}

  @Get(':businessId/summary')
  async summary(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
  ): Promise<BusinessSummaryResponse> {
    // Whatever id is tried, one answer: an id that cannot exist is the same 404 as another tenant's.
    if (!isUuid(businessId)) throw new BusinessNotFoundError(businessId);
    return toSummaryResponse(await this.getSummary.execute({ actor: { userId: identity.userId }, businessId }));
  }
}
