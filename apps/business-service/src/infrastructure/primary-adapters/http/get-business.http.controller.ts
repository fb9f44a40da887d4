import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import type { BusinessResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { GetBusinessUseCase } from '../../../application/get-business.use-case.js';
import { toActor, toBusinessResponse } from './business.http-mappers.js';

/** GET /v1/businesses/{businessId}: one of the caller's businesses, with their role; 404 for any other id. */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class GetBusinessHttpController {
  constructor(@Inject(GetBusinessUseCase) private readonly getBusiness: GetBusinessUseCase) {}

  @Get(':businessId')
  async get(@CurrentIdentity() identity: Identity, @Param('businessId') businessId: string): Promise<BusinessResponse> {
    return toBusinessResponse(await this.getBusiness.execute({ actor: toActor(identity), businessId }));
  }
}
