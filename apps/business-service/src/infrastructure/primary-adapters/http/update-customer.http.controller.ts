import { Body, Controller, Inject, Param, Patch, UseGuards } from '@nestjs/common';
import { UpdateCustomerRequest, type CustomerResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { UpdateCustomerUseCase } from '../../../application/update-customer.use-case.js';
import { toActor, toCustomerResponse } from './business.http-mappers.js';

/** PATCH /v1/businesses/{businessId}/customers/{customerId}: changes, archiving (`archived: true`) included. */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class UpdateCustomerHttpController {
  constructor(@Inject(UpdateCustomerUseCase) private readonly updateCustomer: UpdateCustomerUseCase) {}

  @Patch(':businessId/customers/:customerId')
  async update(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Param('customerId') customerId: string,
    @Body() body: UpdateCustomerRequest,
  ): Promise<CustomerResponse> {
    return toCustomerResponse(
      await this.updateCustomer.execute({
        actor: toActor(identity),
        businessId,
        customerId,
        name: body.name,
        email: body.email,
        address: body.address,
        taxId: body.taxId,
        archived: body.archived,
      }),
    );
  }
}
