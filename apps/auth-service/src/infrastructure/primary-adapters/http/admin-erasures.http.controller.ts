import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import type { ErasureResponse } from '@platform/contracts';
import { GatewayIdentityGuard } from '@platform/identity';
import { GetErasureUseCase } from '../../../application/get-erasure.use-case.js';
import type { Actor } from '../../../domain/role.js';
import { CurrentActor } from './current-actor.js';
import { toErasureResponse } from './dto/auth.response-mappers.js';

/** Where an erasure stands; the use case checks the `users:read` permission. */
@Controller('v1/admin/erasures')
@UseGuards(GatewayIdentityGuard)
export class AdminErasuresHttpController {
  constructor(@Inject(GetErasureUseCase) private readonly getErasure: GetErasureUseCase) {}

  @Get(':erasureId')
  async get(@CurrentActor() actor: Actor, @Param('erasureId') erasureId: string): Promise<ErasureResponse> {
    return toErasureResponse(await this.getErasure.execute({ actor, erasureId }));
  }
}
