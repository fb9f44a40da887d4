import { Body, Controller, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { CreateCustomerRequest, type CustomerResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { CreateCustomerUseCase } from '../../../application/create-customer.use-case.js';
import { toActor, toCustomerResponse } from './business.http-mappers.js';
import { IdempotentRoute } from '@platform/messaging';

/** POST /v1/businesses/{businessId}/customers: 201 with the new customer. */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class CreateCustomerHttpController {
  constructor(@Inject(CreateCustomerUseCase) private readonly createCustomer: CreateCustomerUseCase) {}

  @Post(':businessId/customers')
  @IdempotentRoute()
  async create(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Body() body: CreateCustomerRequest,
  ): Promise<CustomerResponse> {
    return toCustomerResponse(
      await this.createCustomer.execute({
        actor: toActor(identity),
        businessId,
        name: body.name,
        email: body.email,
        address: body.address,
        taxId: body.taxId,
      }),
    );
  }
}
