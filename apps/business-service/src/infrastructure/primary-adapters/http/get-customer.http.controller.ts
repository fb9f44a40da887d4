import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import type { CustomerResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { GetCustomerUseCase } from '../../../application/get-customer.use-case.js';
import { toActor, toCustomerResponse } from './business.http-mappers.js';

/** GET /v1/businesses/{businessId}/customers/{customerId}. */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class GetCustomerHttpController {
  constructor(@Inject(GetCustomerUseCase) private readonly getCustomer: GetCustomerUseCase) {}

  @Get(':businessId/customers/:customerId')
  async get(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('customerId') customerId: string,
  ): Promise<CustomerResponse> {
    return toCustomerResponse(await this.getCustomer.execute({ actor: toActor(identity), businessId, customerId }));
  }
}
