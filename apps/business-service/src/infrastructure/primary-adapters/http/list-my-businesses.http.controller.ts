import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { PageQuery, type BusinessPageResponse } from '@platform/contracts';
import { CurrentIdentity, GatewayIdentityGuard, type Identity } from '@platform/identity';
import { ListMyBusinessesUseCase } from '../../../application/list-my-businesses.use-case.js';
import { toActor, toBusinessResponse, toPageResponse } from './business.http-mappers.js';

/** GET /v1/businesses: the caller's businesses, newest first. */
@Controller('v1/businesses')
@UseGuards(GatewayIdentityGuard)
export class ListMyBusinessesHttpController {
  constructor(@Inject(ListMyBusinessesUseCase) private readonly listMyBusinesses: ListMyBusinessesUseCase) {}

  @Get()
  async list(@CurrentIdentity() identity: Identity, @Query() query: PageQuery): Promise<BusinessPageResponse> {
    const page = await this.listMyBusinesses.execute({
      actor: toActor(identity),
      limit: query.limit,
      cursor: query.cursor,
    });
    return toPageResponse(page, toBusinessResponse);
  }
}
