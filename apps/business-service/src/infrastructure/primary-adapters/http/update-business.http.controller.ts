import { Body, Controller, Inject, Param, Patch, UseGuards } from '@nestjs/common';
import { UpdateBusinessRequest, type BusinessResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { UpdateBusinessUseCase } from '../../../application/update-business.use-case.js';
import { toActor, toBusinessResponse } from './business.http-mappers.js';

/** PATCH /v1/businesses/{businessId}: name or invoice prefix (owners and admins). */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class UpdateBusinessHttpController {
  constructor(@Inject(UpdateBusinessUseCase) private readonly updateBusiness: UpdateBusinessUseCase) {}

  @Patch(':businessId')
  async update(
    @CurrentIdentity() identity: Identity,
    @Param('businessId') businessId: string,
    @Body() body: UpdateBusinessRequest,
  ): Promise<BusinessResponse> {
    return toBusinessResponse(
      await this.updateBusiness.execute({
        actor: toActor(identity),
        businessId,
        name: body.name,
        invoicePrefix: body.invoicePrefix,
      }),
    );
  }
}
