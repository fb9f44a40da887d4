import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ListCustomersQuery, type CustomerPageResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { ListCustomersUseCase } from '../../../application/list-customers.use-case.js';
import { toActor, toCustomerResponse, toPageResponse } from './business.http-mappers.js';

/** GET /v1/businesses/{businessId}/customers: newest first; `archived` filters. */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class ListCustomersHttpController {
  constructor(@Inject(ListCustomersUseCase) private readonly listCustomers: ListCustomersUseCase) {}

  @Get(':businessId/customers')
  async list(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Query() query: ListCustomersQuery,
  ): Promise<CustomerPageResponse> {
    const page = await this.listCustomers.execute({
      actor: toActor(identity),
      businessId,
      archived: query.archived,
      limit: query.limit,
      cursor: query.cursor,
    });
    return toPageResponse(page, toCustomerResponse);
  }
}
