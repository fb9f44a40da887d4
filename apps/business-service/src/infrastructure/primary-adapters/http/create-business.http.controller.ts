import { Body, Controller, Inject, Post, UseGuards } from '@nestjs/common';
import { CreateBusinessRequest, type BusinessResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { CreateBusinessUseCase } from '../../../application/create-business.use-case.js';
import { toActor, toBusinessResponse } from './business.http-mappers.js';
import { IdempotentRoute } from '@platform/messaging';

/** POST /v1/businesses: a new business, the caller its owner; 201 with it. */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class CreateBusinessHttpController {
  constructor(@Inject(CreateBusinessUseCase) private readonly createBusiness: CreateBusinessUseCase) {}

  @Post()
  @IdempotentRoute()
  async create(@CurrentIdentity() identity: Identity, @Body() body: CreateBusinessRequest): Promise<BusinessResponse> {
    return toBusinessResponse(
      await this.createBusiness.execute({
        actor: toActor(identity),
        name: body.name,
        currency: body.currency,
        invoicePrefix: body.invoicePrefix,
      }),
    );
  }
}
